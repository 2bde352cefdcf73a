export { compilePolicyFile, loadPolicyFile, parsePolicyYaml } from './load-policy-file';
export {
  loadCompiledPolicy,
  loadCompiledPolicyWithoutPatterns,
  parseCompiledPolicy,
} from './compiled-policy';
export { PolicyFileError } from './policy-file-error';
