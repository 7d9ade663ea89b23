/**
 * The templates shipped in the action and the CLI, by name; a `<name>.yml` in the templates folder
 * takes precedence over these.
 */
import { ciCdPipeline } from './ci-cd-pipeline.js'
import { etlPipeline } from './etl-pipeline.js'
import { mlPipeline } from './ml-pipeline.js'
import { microservicesDeployment } from './microservices-deployment.js'

export const BUILTIN_TEMPLATES: Readonly<Record<string, string>> = {
  'ci-cd-pipeline': ciCdPipeline,
  'etl-pipeline': etlPipeline,
  'ml-pipeline': mlPipeline,
  'microservices-deployment': microservicesDeployment,
}
