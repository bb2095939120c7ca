#include "cli/comparison.h"

#include <future>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "diff/differ.h"
#include "introspect/yaml_loader.h"

namespace schemadiff {
namespace {

// `status` with "label: " in front of its message, same code.
absl::Status Labeled(const std::string& label, const absl::Status& status) {
  return absl::Status(status.code(), absl::StrCat(label, ": ", status.message()));
}

}  // namespace

void AddComparisonOptions(CLI::App* command, ComparisonFlags* flags, bool from_optional) {
  CLI::Option* from = command->add_option("--from", flags->from,
                                          "Current schema: a database URL or a YAML schema file");
  if (!from_optional) from->required();
  from->type_name("SRC");
  command->add_option("--to", flags->to, "Desired schema: a database URL or a YAML schema file")
      ->required()
      ->type_name("DST");
  command
      ->add_option("--dialect", flags->dialect,
                   "SQL dialect (sqlite, postgresql, mysql) when no URL names it, e.g. YAML to "
                   "YAML")
      ->type_name("DIALECT");
  AddLoadOptions(command, &flags->load);
}

void AddLoadOptions(CLI::App* command, LoadOptions* options) {
  command
      ->add_option("--schema", options->schemas,
                   "Database schema to read (PostgreSQL; repeatable, default public)")
      ->type_name("SCHEMA")
      ->allow_extra_args(false);
  command
      ->add_option("--version-table", options->version_table,
                   "Alembic's version table, left out of databases as autogenerate leaves it "
                   "out (default alembic_version; '' keeps it)")
      ->type_name("NAME");
  command
      ->add_option("--exclude-table", options->exclude_tables,
                   "Leave out tables matching PATTERN on both sides (shell pattern on the name, "
                   "or on schema.name on PostgreSQL; repeatable), e.g. 'staging_*'")
      ->type_name("PATTERN")
      ->allow_extra_args(false);
}

absl::StatusOr<LabeledSource> ParseLabeledSource(const std::string& label,
                                                 const std::string& text) {
  absl::StatusOr<Source> source = ParseSource(text);
  if (!source.ok()) return Labeled(label, source.status());
  return LabeledSource{label, *std::move(source)};
}

absl::StatusOr<Catalog> LoadLabeledSource(const LabeledSource& source, const Dialect& dialect,
                                          const LoadOptions& options) {
  absl::StatusOr<Catalog> catalog = LoadSource(source.source, dialect, options);
  if (!catalog.ok()) return Labeled(source.label, catalog.status());
  return catalog;
}

absl::StatusOr<const Dialect*> ResolveDialect(const std::vector<LabeledSource>& sources,
                                              const std::string& flag) {
  // The dialect the URL sides name.
  const LabeledSource* url_side = nullptr;
  for (const LabeledSource& side : sources) {
    if (!side.source.is_url) continue;
    if (url_side != nullptr && url_side->source.url.dialect != side.source.url.dialect) {
      return absl::InvalidArgumentError(absl::StrCat(
          url_side->label, " is a ", url_side->source.url.dialect, " database but ", side.label,
          " is a ", side.source.url.dialect, " database: both sides must use the same dialect"));
    }
    if (url_side == nullptr) url_side = &side;
  }
  std::string name = url_side != nullptr ? url_side->source.url.dialect : "";
  std::string named_by = url_side != nullptr ? url_side->label : "";

  if (!flag.empty()) {
    ASSIGN_OR_RETURN(const Dialect* dialect, DialectByName(flag));
    if (!name.empty() && dialect->name() != name) {
      return absl::InvalidArgumentError(
          absl::StrCat("--dialect ", flag, " contradicts ", named_by, ", a ", name, " database"));
    }
    name = std::string(dialect->name());
    named_by = "--dialect";
  }

  // YAML sides may name their dialect; they must agree with everything else. Once a database
  // URL or --dialect has named it, the loader checks a file's own `dialect:` key (and reports a
  // mismatch at its line): reading the file ahead would only delay connecting to the database.
  const bool named_before_files = !name.empty();
  for (const LabeledSource& side : sources) {
    if (side.source.is_url || named_before_files) continue;
    absl::StatusOr<std::string> peeked = PeekYamlDialect(side.source.text);
    if (!peeked.ok()) return Labeled(side.label, peeked.status());
    if (peeked->empty()) continue;
    ASSIGN_OR_RETURN(const Dialect* dialect, DialectByName(*peeked));
    if (name.empty()) {
      name = std::string(dialect->name());
      named_by = side.label;
    } else if (dialect->name() != name) {
      return absl::InvalidArgumentError(absl::StrCat(side.label, " '", side.source.text,
                                                     "' declares dialect ", *peeked, " but ",
                                                     named_by, " says ", name));
    }
  }

  if (name.empty()) {
    return absl::InvalidArgumentError(
        "cannot tell which SQL dialect to use: pass --dialect (sqlite, postgresql or mysql) or "
        "add a 'dialect:' key to the YAML schema");
  }
  return DialectByName(name);
}

absl::StatusOr<Comparison> Compare(const ComparisonFlags& flags) {
  ASSIGN_OR_RETURN(LabeledSource from, ParseLabeledSource("--from", flags.from));
  ASSIGN_OR_RETURN(LabeledSource to, ParseLabeledSource("--to", flags.to));
  Comparison comparison;
  ASSIGN_OR_RETURN(comparison.dialect, ResolveDialect({from, to}, flags.dialect));
  // The two sides load at once: each mostly waits on its own server or reads its own file.
  std::future<absl::StatusOr<Catalog>> from_catalog = std::async(
      std::launch::async, [&] { return LoadLabeledSource(from, *comparison.dialect, flags.load); });
  absl::StatusOr<Catalog> to_catalog = LoadLabeledSource(to, *comparison.dialect, flags.load);
  ASSIGN_OR_RETURN(comparison.from, from_catalog.get());
  ASSIGN_OR_RETURN(comparison.to, std::move(to_catalog));
  ASSIGN_OR_RETURN(comparison.plan, Diff(comparison.from, comparison.to, *comparison.dialect));
  return comparison;
}

}  // namespace schemadiff
