// The schemadiff command line.
#ifndef SCHEMADIFF_CLI_APP_H_
#define SCHEMADIFF_CLI_APP_H_

namespace schemadiff {

// Parses arguments, runs the command and returns the process exit code (0 ok / in sync,
// 1 changes pending for `check`, 2 error).
int RunCli(int argc, char** argv);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CLI_APP_H_
