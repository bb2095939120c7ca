// Entry point; the commands live in cli/*.cc.
#include "cli/app.h"

int main(int argc, char** argv) { return schemadiff::RunCli(argc, argv); }
