/** The built-in `etl-pipeline` template (SPEC §8), as YAML text so that the bundle carries it. */
export const etlPipeline = `# Built-in template "etl-pipeline" (the seed's Customer Data ETL): extract rows to CSV, validate them,
# transform them with awk, load them into a "warehouse" folder, report. All on files in a scratch folder.
name: "ETL: \${{ parameters.source }}"
description: Extract, validate, transform and load a CSV data set.
parameters:
  source:
    type: string
    default: customers
    description: Name of the data set (used for file names).
  rows:
    type: number
    default: 100
    description: How many rows the extract step produces.
  minValidRatio:
    type: number
    default: 0.9
    description: Share of rows that must pass validation.
steps:
  - id: extract
    name: Extract \${{ parameters.source }}
    command: |
      work="\${TMPDIR:-/tmp}/task-orchestrator-etl-$TASK_WORKFLOW_ID"
      rm -rf "$work" && mkdir -p "$work"
      awk -v n=\${{ parameters.rows }} 'BEGIN {
        print "id,name,country,amount"
        split("DE FR US JP BR", countries, " ")
        for (i = 1; i <= n; i++) printf "%d,customer_%d,%s,%d.%02d\\n", i, i, countries[(i % 5) + 1], (i * 37) % 1000, i % 100
      }' > "$work/raw.csv"
      echo "workdir=$work" >> "$TASK_OUTPUT"
      echo "output=$work/raw.csv" >> "$TASK_OUTPUT"
      echo "extracted $(($(wc -l < "$work/raw.csv") - 1)) rows"
    timeout: 300000
    retries: 2
  - id: validate
    name: Validate
    command: |
      work="\${{ steps.extract.outputs.workdir }}"
      awk -F, -v min=\${{ parameters.minValidRatio }} 'NR == 1 { next }
        { total++ }
        NF == 4 && $1 ~ /^[0-9]+$/ && $4 ~ /^[0-9]+\\.[0-9]+$/ { valid++; print > "'"$work"'/valid.csv"; next }
        { print "invalid row " NR ": " $0 > "/dev/stderr" }
        END {
          ratio = total ? valid / total : 0
          printf "valid=%d\\nratio=%.2f\\n", valid, ratio >> ENVIRON["TASK_OUTPUT"]
          printf "%d of %d rows valid (%.0f%%)\\n", valid, total, ratio * 100
          if (ratio < min) exit 1
        }' "$work/raw.csv"
    timeout: 120000
  - id: transform
    name: Transform
    command: |
      work="\${{ steps.extract.outputs.workdir }}"
      {
        echo "country,customers,total_amount"
        awk -F, '{ sum[$3] += $4; count[$3]++ } END { for (c in sum) printf "%s,%d,%.2f\\n", c, count[c], sum[c] }' "$work/valid.csv" | sort
      } > "$work/by_country.csv"
      echo "output=$work/by_country.csv" >> "$TASK_OUTPUT"
      cat "$work/by_country.csv"
    timeout: 600000
  - id: load
    name: Load
    command: |
      work="\${{ steps.extract.outputs.workdir }}"
      table="$work/warehouse/\${{ parameters.source }}_by_country.csv"
      mkdir -p "$work/warehouse"
      cp "$work/by_country.csv" "$table"
      loaded=$(($(wc -l < "$table") - 1))
      echo "loaded=$loaded" >> "$TASK_OUTPUT"
      echo "loaded $loaded aggregate rows into $work/warehouse"
    rollback: rm -f "\${{ steps.extract.outputs.workdir }}/warehouse/\${{ parameters.source }}_by_country.csv"
    timeout: 300000
  - id: report
    name: Report
    condition: always()
    command: |
      echo "valid rows: \${{ steps.validate.outputs.valid }}, loaded aggregates: \${{ steps.load.outputs.loaded }}"
      work="\${{ steps.extract.outputs.workdir }}"
      if [ -n "$work" ]; then rm -rf "$work"; fi
dependencies:
  - { from: extract, to: validate }
  - { from: validate, to: transform }
  - { from: transform, to: load }
  - { from: load, to: report, condition: always }
`
