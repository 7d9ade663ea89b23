/** The built-in `microservices-deployment` template (SPEC §8), as YAML text so that the bundle carries it. */
export const microservicesDeployment = `# Built-in template "microservices-deployment" (the seed's pattern): build every service in parallel,
# deploy each one after its own build, then health-check them all. "Images" and "deployments" are
# manifest files in a scratch folder, so it runs without docker or kubectl.
name: "Microservices deployment to \${{ parameters.environment }}"
description: Build, deploy and health-check a set of services.
parameters:
  services:
    type: array
    default: [api, worker, queue]
    description: Services to build and deploy, one step each.
  environment:
    type: string
    default: staging
    description: Target environment.
  version:
    type: string
    default: "1.0.0"
    description: Version tag of the images.
steps:
  - id: build
    name: Build \${{ matrix.service }}
    matrix:
      service: \${{ parameters.services }}
    command: |
      registry="\${TMPDIR:-/tmp}/task-orchestrator-services-$TASK_WORKFLOW_ID/registry"
      mkdir -p "$registry"
      image="$registry/\${{ matrix.service }}-\${{ parameters.version }}.image"
      printf 'service=%s\\nversion=%s\\nbuilt=%s\\n' \${{ matrix.service }} \${{ parameters.version }} "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$image"
      echo "image=$image" >> "$TASK_OUTPUT"
      echo "built $image"
    timeout: 600000
    retries: 1
  - id: deploy
    name: Deploy \${{ matrix.service }}
    matrix:
      service: \${{ parameters.services }}
    command: |
      cluster="\${TMPDIR:-/tmp}/task-orchestrator-services-$TASK_WORKFLOW_ID/\${{ parameters.environment }}"
      mkdir -p "$cluster"
      cp "$(dirname "$cluster")/registry/\${{ matrix.service }}-\${{ parameters.version }}.image" "$cluster/\${{ matrix.service }}.deployment"
      echo "healthy" > "$cluster/\${{ matrix.service }}.status"
      echo "deployed \${{ matrix.service }} to \${{ parameters.environment }}"
    rollback: rm -f "\${TMPDIR:-/tmp}/task-orchestrator-services-$TASK_WORKFLOW_ID/\${{ parameters.environment }}/\${{ matrix.service }}".*
    timeout: 300000
  - id: health_check
    name: Health check
    command: |
      cluster="\${TMPDIR:-/tmp}/task-orchestrator-services-$TASK_WORKFLOW_ID/\${{ parameters.environment }}"
      for status in "$cluster"/*.status; do
        grep -qx healthy "$status" || { echo "$(basename "$status" .status) is not healthy"; exit 1; }
      done
      echo "all $(ls "$cluster"/*.status | wc -l | tr -d ' ') services healthy"
    retries: 3
    retryDelay: 1000
    timeout: 120000
  - id: cleanup
    name: Clean up
    condition: always()
    command: rm -rf "\${TMPDIR:-/tmp}/task-orchestrator-services-$TASK_WORKFLOW_ID"
dependencies:
  - { from: build, to: deploy }
  - { from: deploy, to: health_check }
  - { from: health_check, to: cleanup, condition: always }
timeout: 1800000
`
