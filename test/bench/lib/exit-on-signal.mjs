// Preloaded (node --import) into a server started with --cpu-prof: SIGUSR2 exits through process.exit,
// which is the path on which node writes the .cpuprofile (a signal's default action would not).
process.on('SIGUSR2', () => process.exit(0));
