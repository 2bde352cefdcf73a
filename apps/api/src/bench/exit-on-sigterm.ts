// Preloaded into bench children when `bench:load --profile` asks for CPU profiles: Node writes a
// `--cpu-prof` profile only on a normal exit, and the bench stops its children with SIGTERM.
process.once('SIGTERM', () => process.exit(0));
