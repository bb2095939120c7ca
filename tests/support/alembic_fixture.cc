#include "tests/support/alembic_fixture.h"

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "catalog/dialect_sqlite.h"
#include "common/status_macros.h"

namespace schemadiff::testing {
namespace {

// The smallest env.py that runs migrations online against sqlalchemy.url.
constexpr char kEnvPy[] = R"(from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config


def run_migrations_online():
    connectable = engine_from_config(
        config.get_section(config.config_ini_section),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
)";

}  // namespace

AlembicTestProject::AlembicTestProject(const std::string& dir, const std::string& url) : dir_(dir) {
  std::filesystem::create_directories(dir + "/migrations/versions");
  WriteFile(dir + "/migrations/env.py", kEnvPy);
  WriteFile(dir + "/alembic.ini", absl::StrCat("[alembic]\nscript_location = %(here)s/migrations\n",
                                               "sqlalchemy.url = ", url, "\n"));
  absl::StatusOr<AlembicProject> project = ReadAlembicConfig(dir + "/alembic.ini");
  EXPECT_TRUE(project.ok()) << project.status();
  if (project.ok()) project_ = *project;
}

CommandResult AlembicTestProject::Alembic(const std::string& args) const {
  return RunCommand(absl::StrCat("cd '", dir_, "' && /usr/bin/python3 -m alembic ", args));
}

absl::StatusOr<std::string> AlembicTestProject::AddRevision(const Plan& plan, const Catalog& from,
                                                            const Catalog& to,
                                                            const Dialect& dialect,
                                                            const std::string& message) {
  ASSIGN_OR_RETURN(const std::string head, FindHeadRevision(project_.versions_dir));
  RevisionInfo info;
  info.message = message;
  info.revision_id = NewRevisionId();
  info.down_revision = head;
  info.create_date = "2024-05-01 12:00:00.000000";
  ASSIGN_OR_RETURN(const std::string text,
                   RenderAlembicRevision(plan, ReversePlan(plan), from, to, dialect, info));
  ASSIGN_OR_RETURN(const std::string path,
                   WriteRevisionFile(project_, RevisionFileName(project_, info), text));
  const CommandResult compiled = RunCommand("/usr/bin/python3 -m py_compile '" + path + "'");
  if (compiled.exit_code != 0) {
    ADD_FAILURE() << "py_compile failed: " << compiled.err << "\n" << text;
    return absl::InternalError("py_compile failed");
  }
  return info.revision_id;
}

absl::StatusOr<std::string> AlembicTestProject::AddEmptyRevision(const std::string& message) {
  return AddRevision(Plan{}, Catalog{}, Catalog{}, SqliteDialect(), message);
}

std::string AlembicTestProject::RevisionPath(const std::string& id) const {
  for (const auto& entry : std::filesystem::directory_iterator(project_.versions_dir)) {
    if (entry.path().filename().string().rfind(id + "_", 0) == 0) return entry.path().string();
  }
  return "";
}

}  // namespace schemadiff::testing
