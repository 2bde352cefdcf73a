// For infra and tooling that write or check `/config.json`; the app itself starts in main.tsx.
export {
  runtimeConfigSchema,
  parseRuntimeConfig,
  RUNTIME_CONFIG_PATH,
  type RuntimeConfig,
} from './config/runtime-config';
