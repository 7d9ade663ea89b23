/** The built-in `ml-pipeline` template (SPEC §8), as YAML text so that the bundle carries it. */
export const mlPipeline = `# Built-in template "ml-pipeline" (the seed's Model Training Pipeline): prepare data and engineer
# features in parallel, train for some epochs, evaluate, and deploy only when the score is good enough.
# The "model" is a least-squares line fitted with awk, so it runs anywhere.
name: "Model training: \${{ parameters.model }}"
description: Prepare data, engineer features, train, evaluate and deploy a model.
parameters:
  model:
    type: string
    default: linear
    description: Model name (used for file names).
  samples:
    type: number
    default: 200
    description: Number of training samples to generate.
  epochs:
    type: number
    default: 3
    description: Training passes.
  minScore:
    type: number
    default: 0.9
    description: Lowest R² that may be deployed.
steps:
  - id: data_prep
    name: Prepare data
    parallel: true
    command: |
      work="\${TMPDIR:-/tmp}/task-orchestrator-ml-$TASK_WORKFLOW_ID"
      mkdir -p "$work"
      awk -v n=\${{ parameters.samples }} 'BEGIN { srand(42); for (i = 1; i <= n; i++) printf "%d,%.4f\\n", i, 3 * i + 7 + (rand() - 0.5) * 10 }' > "$work/samples.csv"
      echo "workdir=$work" >> "$TASK_OUTPUT"
      echo "prepared $(wc -l < "$work/samples.csv" | tr -d ' ') samples"
  - id: feature_eng
    name: Engineer features
    parallel: true
    command: |
      work="\${TMPDIR:-/tmp}/task-orchestrator-ml-$TASK_WORKFLOW_ID"
      mkdir -p "$work"
      printf 'feature,transform\\nx,identity\\n' > "$work/features.csv"
      echo "features=x" >> "$TASK_OUTPUT"
      echo "feature set written"
  - id: train
    name: Train \${{ parameters.model }}
    command: |
      work="\${{ steps.data_prep.outputs.workdir }}"
      epochs=\${{ parameters.epochs }}
      case "$epochs" in ''|*[!0-9]*) echo "epochs must be a whole number, got '$epochs'"; exit 2 ;; esac
      for epoch in $(seq 1 "$epochs"); do
        echo "progress=$((epoch * 100 / epochs))" >> "$TASK_OUTPUT"
        echo "task=epoch $epoch of $epochs" >> "$TASK_OUTPUT"
        sleep 0.2
      done
      awk -F, '{ n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2 }
        END { slope = (n * sxy - sx * sy) / (n * sxx - sx * sx); printf "slope=%.6f\\nintercept=%.6f\\n", slope, (sy - slope * sx) / n }' \\
        "$work/samples.csv" > "$work/model.txt"
      cat "$work/model.txt"
      echo "output=$work/model.txt" >> "$TASK_OUTPUT"
    timeout: 600000
  - id: evaluate
    name: Evaluate
    command: |
      work="\${{ steps.data_prep.outputs.workdir }}"
      . "$work/model.txt"
      awk -F, -v a="$slope" -v b="$intercept" '{ n++; y[n] = $2; p[n] = a * $1 + b; s += $2 }
        END { m = s / n; for (i = 1; i <= n; i++) { rss += (y[i] - p[i]) ^ 2; tss += (y[i] - m) ^ 2 }
              printf "score=%.4f\\n", 1 - rss / tss }' "$work/samples.csv" | tee -a "$TASK_OUTPUT"
  - id: deploy
    name: Deploy \${{ parameters.model }}
    condition: steps.evaluate.outputs.score >= parameters.minScore
    command: |
      work="\${{ steps.data_prep.outputs.workdir }}"
      mkdir -p "$work/registry"
      cp "$work/model.txt" "$work/registry/\${{ parameters.model }}.txt"
      echo "deployed model with score \${{ steps.evaluate.outputs.score }}"
    rollback: rm -f "\${{ steps.data_prep.outputs.workdir }}/registry/\${{ parameters.model }}.txt"
  - id: cleanup
    name: Clean up
    condition: always()
    command: |
      work="\${TMPDIR:-/tmp}/task-orchestrator-ml-$TASK_WORKFLOW_ID"
      rm -rf "$work"
      echo "removed $work"
dependencies:
  - { from: data_prep, to: train }
  - { from: feature_eng, to: train }
  - { from: train, to: evaluate }
  - { from: evaluate, to: deploy }
  - { from: deploy, to: cleanup, condition: always }
resources:
  train: { cpu: 1, memory: 256Mi }
  evaluate: { cpu: "500m", memory: 128Mi }
`
