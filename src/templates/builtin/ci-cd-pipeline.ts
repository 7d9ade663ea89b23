/** The built-in `ci-cd-pipeline` template (SPEC §8), as YAML text so that the bundle carries it. */
export const ciCdPipeline = `# Built-in template "ci-cd-pipeline": check out, build, test (one step per suite), scan, deploy (one
# step per environment), smoke-test each deployment, report. Every step does its small real work on
# files under a scratch folder, so the pipeline runs anywhere bash and coreutils do.
name: "CI/CD pipeline: \${{ parameters.repository }}@\${{ parameters.branch }}"
description: Build, test, scan and deploy an application, one test step per suite and one deployment per environment.
parameters:
  repository:
    type: string
    required: true
    description: Name of the application repository.
  branch:
    type: string
    default: main
    description: Branch to build.
  environments:
    type: array
    default: [staging, production]
    description: Environments to deploy to, one deploy step each.
  testSuites:
    type: array
    default: [unit, integration]
    description: Test suites to run, one step each.
steps:
  - id: checkout
    name: Check out \${{ parameters.repository }}@\${{ parameters.branch }}
    command: |
      work="\${TMPDIR:-/tmp}/task-orchestrator-ci-$TASK_WORKFLOW_ID"
      rm -rf "$work" && mkdir -p "$work/src"
      printf 'repository=%s\\nbranch=%s\\n' \${{ parameters.repository }} \${{ parameters.branch }} > "$work/src/REVISION"
      printf 'greet() { echo "hello from %s"; }\\n' \${{ parameters.repository }} > "$work/src/app.sh"
      revision=$(cksum < "$work/src/REVISION" | cut -d' ' -f1)
      echo "workdir=$work" >> "$TASK_OUTPUT"
      echo "revision=$revision" >> "$TASK_OUTPUT"
      echo "checked out revision $revision into $work"
    timeout: 60000
  - id: build
    name: Build
    command: |
      work="\${{ steps.checkout.outputs.workdir }}"
      mkdir -p "$work/dist"
      tar -C "$work/src" -czf "$work/dist/app.tgz" .
      size=$(wc -c < "$work/dist/app.tgz" | tr -d ' ')
      echo "artifact=$work/dist/app.tgz" >> "$TASK_OUTPUT"
      echo "built $work/dist/app.tgz ($size bytes)"
    timeout: 120000
    retries: 1
  - id: test
    name: Test (\${{ matrix.suite }})
    matrix:
      suite: \${{ parameters.testSuites }}
    command: |
      artifact="\${{ steps.build.outputs.artifact }}"
      scratch=$(mktemp -d)
      tar -C "$scratch" -xzf "$artifact"
      . "$scratch/app.sh"
      greet | grep -q hello
      echo "suite \${{ matrix.suite }}: $(ls "$scratch" | wc -l | tr -d ' ') files checked, all passed"
      rm -rf "$scratch"
    timeout: 300000
  - id: security_scan
    name: Security scan
    command: |
      work="\${{ steps.checkout.outputs.workdir }}"
      if grep -rniE 'password *=|secret *=' "$work/src"; then
        echo "::error::credentials found in the sources"
        exit 1
      fi
      echo "no credentials found in $(find "$work/src" -type f | wc -l | tr -d ' ') files"
    timeout: 120000
  - id: deploy
    name: Deploy to \${{ matrix.env }}
    matrix:
      env: \${{ parameters.environments }}
    condition: on_success(test, security_scan)
    command: |
      target="\${{ steps.checkout.outputs.workdir }}/deployments/\${{ matrix.env }}"
      mkdir -p "$target"
      tar -C "$target" -xzf "\${{ steps.build.outputs.artifact }}"
      echo "deployed=$target" >> "$TASK_OUTPUT"
      echo "deployed to $target"
    rollback: rm -rf "\${{ steps.checkout.outputs.workdir }}/deployments/\${{ matrix.env }}"
    timeout: 180000
  - id: smoke_test
    name: Smoke test \${{ matrix.env }}
    matrix:
      env: \${{ parameters.environments }}
    command: |
      target="\${{ steps.checkout.outputs.workdir }}/deployments/\${{ matrix.env }}"
      test -s "$target/REVISION"
      . "$target/app.sh" && greet
    retries: 2
    retryDelay: 500
    timeout: 60000
  - id: report
    name: Report
    condition: always()
    command: |
      work="\${{ steps.checkout.outputs.workdir }}"
      echo "deployments: $(ls "$work/deployments" 2>/dev/null | tr '\\n' ' ')"
      if [ -n "$work" ]; then rm -rf "$work"; fi
dependencies:
  - { from: checkout, to: build }
  - { from: build, to: test }
  - { from: checkout, to: security_scan }
  - { from: test, to: deploy }
  - { from: security_scan, to: deploy }
  - { from: deploy, to: smoke_test }
  - { from: smoke_test, to: report, condition: always }
`
