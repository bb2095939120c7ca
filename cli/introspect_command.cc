// `schemadiff introspect`: a database (or YAML schema) written in the YAML schema format.
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/comparison.h"
#include "cli/output.h"
#include "common/status_macros.h"
#include "render/yaml_writer.h"

namespace schemadiff {
namespace {

struct IntrospectFlags {
  std::string source;
  std::string output;
  std::string dialect;
  LoadOptions load;
};

absl::StatusOr<int> RunIntrospect(const IntrospectFlags& flags) {
  ASSIGN_OR_RETURN(const LabeledSource source, ParseLabeledSource("SRC", flags.source));
  ASSIGN_OR_RETURN(const Dialect* dialect, ResolveDialect({source}, flags.dialect));
  ASSIGN_OR_RETURN(const Catalog catalog, LoadLabeledSource(source, *dialect, flags.load));
  RETURN_IF_ERROR(WriteOutput(flags.output, WriteYamlSchema(catalog, *dialect)));
  return 0;
}

}  // namespace

Command AddIntrospectCommand(CLI::App& app) {
  CLI::App* command = app.add_subcommand(
      "introspect", "Write the schema of SRC (a database URL) in the YAML schema format");
  auto flags = std::make_shared<IntrospectFlags>();
  command->add_option("SRC", flags->source, "Database URL (or YAML schema file) to read")
      ->required();
  command
      ->add_option("-o,--output", flags->output,
                   "Write to FILE (atomically) instead of standard output")
      ->type_name("FILE");
  command
      ->add_option("--dialect", flags->dialect,
                   "SQL dialect (sqlite, postgresql, mysql) when SRC is a YAML file without one")
      ->type_name("DIALECT");
  AddLoadOptions(command, &flags->load);
  return Command{command, [flags]() { return RunIntrospect(*flags); }};
}

}  // namespace schemadiff
