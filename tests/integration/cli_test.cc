// The schemadiff binary end to end on SQLite files: exit codes, messages, output files.
#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using testing::CommandResult;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::ReadFile;
using testing::RunCommand;
using testing::SchemadiffBinary;
using testing::SourcePath;
using ::testing::StartsWith;
using testing::TempDir;
using testing::WriteFile;

// Runs schemadiff with `args` (already shell-quoted where needed).
CommandResult Schemadiff(const std::string& args) {
  return RunCommand(SchemadiffBinary() + " " + args);
}

// Creates the SQLite database `path` from the SQL in `sql` with the sqlite3 shell.
void CreateDatabase(const TempDir& dir, const std::string& path, const std::string& sql) {
  const std::string script =
      dir.File("create-" + std::filesystem::path(path).filename().string() + ".sql");
  WriteFile(script, sql);
  const CommandResult result = RunCommand("sqlite3 " + path + " < " + script);
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

// Runs `sql` against the database `path`.
void Execute(const std::string& path, const std::string& sql_file) {
  const CommandResult result = RunCommand("sqlite3 -bail " + path + " < " + sql_file);
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

// Checks the error contract: exit code 2 and exactly one line on stderr naming `needle`.
void ExpectOneLineError(const CommandResult& result, const std::string& needle) {
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_THAT(result.err, StartsWith("schemadiff: error: "));
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_THAT(result.err, HasSubstr(needle));
}

std::string Url(const std::string& path) { return "sqlite:///" + path; }

constexpr char kNotesV1[] =
    "CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES "
    "authors (id), body TEXT NOT NULL);\n"
    "INSERT INTO authors VALUES (1, 'ada');\n"
    "INSERT INTO notes VALUES (1, 1, 'first'), (2, 1, 'second');\n";

constexpr char kNotesV2[] =
    "CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, email TEXT);\n"
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES "
    "authors (id), body TEXT NOT NULL, pinned BOOLEAN NOT NULL DEFAULT 0);\n"
    "CREATE INDEX ix_notes_author_id ON notes (author_id);\n"
    "CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(40) NOT NULL UNIQUE);\n";

// A temporary directory holding the notes application at v1 (v1_) and at v2 (v2_).
class NotesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CreateDatabase(dir_, v1_, kNotesV1);
    CreateDatabase(dir_, v2_, kNotesV2);
  }

  TempDir dir_;
  const std::string v1_ = dir_.File("v1.db");
  const std::string v2_ = dir_.File("v2.db");
};

TEST(CliTest, VersionAndHelp) {
  CommandResult result = Schemadiff("--version");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, StartsWith("schemadiff "));
  EXPECT_THAT(result.out, HasSubstr(SCHEMADIFF_VERSION));

  result = Schemadiff("--help");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  for (const char* command : {"generate", "check", "diff", "introspect"}) {
    EXPECT_THAT(result.out, HasSubstr(command));
    const CommandResult help = Schemadiff(std::string(command) + " --help");
    EXPECT_EQ(help.exit_code, 0) << command << ": " << help.err;
    EXPECT_THAT(help.out, HasSubstr(command == std::string("introspect") ? "SRC" : "--from"));
  }
  EXPECT_THAT(Schemadiff("generate --help").out, HasSubstr("--down"));
}

TEST(CliTest, BadUsageIsOneLineAndExitTwo) {
  ExpectOneLineError(Schemadiff(""), "no command given");
  ExpectOneLineError(Schemadiff("frobnicate"), "frobnicate");
  ExpectOneLineError(Schemadiff("check --from a.yaml"), "--to");
  ExpectOneLineError(Schemadiff("check --from a.yaml --to b.yaml --format xml"), "xml");
  ExpectOneLineError(Schemadiff("generate --from a.yaml --to b.yaml --format alembic --down"),
                     "--down");
  ExpectOneLineError(Schemadiff("generate --to b.yaml"), "--from");
  // A misspelled option is named even when it leaves a required one missing.
  ExpectOneLineError(Schemadiff("--frm a.yaml"), "'--frm'");
  ExpectOneLineError(Schemadiff("check --frm a.yaml --to b.yaml"), "'--frm'");
  ExpectOneLineError(Schemadiff("diff --from a.yaml --to b.yaml stray"), "'stray'");
}

TEST_F(NotesCliTest, CheckExitCodesAndListing) {
  CommandResult result = Schemadiff("check --from " + Url(v1_) + " --to " + Url(v1_));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "in sync\n");

  result = Schemadiff("check --from " + Url(v1_) + " --to " + Url(v2_));
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_THAT(result.out, HasSubstr("tags"));
  EXPECT_THAT(result.out, HasSubstr("pinned"));
  EXPECT_THAT(result.out, HasSubstr("email"));
  EXPECT_THAT(result.out, HasSubstr("ix_notes_author_id"));

  result = Schemadiff("check --format json --from " + Url(v1_) + " --to " + Url(v2_));
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  EXPECT_FALSE(report["in_sync"].get<bool>());
  std::vector<std::string> ops;
  for (const nlohmann::json& change : report["changes"]) {
    ops.push_back(change["op"].get<std::string>());
    EXPECT_FALSE(change["description"].get<std::string>().empty());
    if (change["op"] == "create_table") {
      EXPECT_EQ(change["table"], "tags");
    }
    if (change["op"] == "create_index") {
      EXPECT_EQ(change["table"], "notes");
    }
  }
  EXPECT_THAT(ops, ::testing::IsSupersetOf({"create_table", "add_column", "create_index"}));
  EXPECT_TRUE(report["warnings"].is_array());

  result = Schemadiff("check --format json --from " + Url(v2_) + " --to " + Url(v2_));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json clean = nlohmann::json::parse(result.out);
  EXPECT_TRUE(clean["in_sync"].get<bool>());
  EXPECT_TRUE(clean["changes"].empty());
}

// A database Alembic manages has its version table; the schema the team keeps does not.
TEST(CliTest, AlembicVersionTableIsLeftOutOfDatabases) {
  TempDir dir;
  const std::string db = dir.File("app.db");
  CreateDatabase(dir, db,
                 std::string(kNotesV1) +
                     "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY "
                     "KEY);\nCREATE TABLE my_versions (version_num VARCHAR(32) PRIMARY KEY);\n");
  const std::string yaml = dir.File("app.yaml");
  CommandResult result = Schemadiff("introspect " + Url(db) + " -o " + yaml);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(ReadFile(yaml), Not(HasSubstr("alembic_version")));
  EXPECT_THAT(ReadFile(yaml), HasSubstr("my_versions"));

  result = Schemadiff("check --from " + Url(db) + " --to " + yaml);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;

  result = Schemadiff("check --version-table '' --from " + Url(db) + " --to " + yaml);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_THAT(result.out, HasSubstr("drop table alembic_version"));

  // A project with its own version table names it; the default one is then an ordinary table.
  result = Schemadiff("check --version-table my_versions --from " + Url(db) + " --to " + yaml);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_THAT(result.out, HasSubstr("drop table alembic_version"));
  EXPECT_THAT(result.out, HasSubstr("create table my_versions"));
}

TEST_F(NotesCliTest, ExcludedTablesAreLeftOutOfBothSides) {
  CommandResult result =
      Schemadiff("check --exclude-table 'ta*' --from " + Url(v1_) + " --to " + Url(v2_));
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_THAT(result.out, Not(HasSubstr("tags")));
  EXPECT_THAT(result.out, HasSubstr("pinned"));
  result =
      Schemadiff("diff --exclude-table tags --exclude-table notes --exclude-table authors --from " +
                 Url(v1_) + " --to " + Url(v2_));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("No changes"));
}

TEST_F(NotesCliTest, DiffGroupsByTable) {
  const CommandResult result = Schemadiff("diff --from " + Url(v1_) + " --to " + Url(v2_));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("table authors\n"));
  EXPECT_THAT(result.out, HasSubstr("table notes\n"));
  EXPECT_THAT(result.out, HasSubstr("table tags\n"));
  EXPECT_THAT(result.out, HasSubstr("in 3 tables"));
  // authors' changes are listed under authors, before the notes group starts.
  const size_t authors = result.out.find("table authors\n");
  const size_t email = result.out.find("email");
  const size_t notes = result.out.find("table notes\n");
  EXPECT_LT(authors, email);
  EXPECT_LT(email, notes);
}

TEST(CliTest, IntrospectThenCheckIsClean) {
  TempDir dir;
  const std::string db = dir.File("shop.db");
  const CommandResult created =
      RunCommand("sqlite3 " + db + " < " + SourcePath("schemas/examples/shop_v1.sql"));
  ASSERT_EQ(created.exit_code, 0) << created.err;
  const std::string yaml = dir.File("shop.yaml");
  CommandResult result = Schemadiff("introspect " + Url(db) + " -o " + yaml);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(ReadFile(yaml), HasSubstr("order_items"));

  result = Schemadiff("check --from " + Url(db) + " --to " + yaml);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  result = Schemadiff("check --from " + yaml + " --to " + Url(db));
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;

  // Without -o the YAML goes to stdout and is the same text.
  result = Schemadiff("introspect " + Url(db));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, ReadFile(yaml));
}

TEST_F(NotesCliTest, UpgradeAndDowngradeConverge) {
  const std::string v1_yaml = dir_.File("v1.yaml");
  const std::string v2_yaml = dir_.File("v2.yaml");
  ASSERT_EQ(Schemadiff("introspect " + Url(v1_) + " -o " + v1_yaml).exit_code, 0);
  ASSERT_EQ(Schemadiff("introspect " + Url(v2_) + " -o " + v2_yaml).exit_code, 0);

  const std::string up = dir_.File("up.sql");
  const std::string down = dir_.File("down.sql");
  CommandResult result =
      Schemadiff("generate --from " + Url(v1_) + " --to " + v2_yaml + " -o " + up);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
  result = Schemadiff("generate --down --from " + Url(v1_) + " --to " + v2_yaml + " -o " + down);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(ReadFile(up), ReadFile(down));

  Execute(v1_, up);
  result = Schemadiff("check --from " + Url(v1_) + " --to " + v2_yaml);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  const CommandResult rows = RunCommand("sqlite3 " + v1_ + " 'SELECT count(*) FROM notes'");
  EXPECT_EQ(rows.out, "2\n");

  Execute(v1_, down);
  result = Schemadiff("check --from " + Url(v1_) + " --to " + v1_yaml);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

TEST(CliTest, GenerateWithoutChangesSucceeds) {
  TempDir dir;
  const std::string db = dir.File("app.db");
  CreateDatabase(dir, db, kNotesV1);
  const CommandResult result = Schemadiff("generate --from " + Url(db) + " --to " + Url(db));
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST_F(NotesCliTest, OutputFileIsWrittenAtomically) {
  const std::string out_dir = dir_.File("out");
  std::filesystem::create_directory(out_dir);
  const std::string out = out_dir + "/up.sql";

  // A failing run leaves an existing file as it was.
  WriteFile(out, "previous contents\n");
  CommandResult result = Schemadiff("generate --from " + Url(v1_) + " --to " +
                                    Url(dir_.File("missing.v1_")) + " -o " + out);
  ExpectOneLineError(result, "missing.v1_");
  EXPECT_EQ(ReadFile(out), "previous contents\n");

  // A successful run replaces it with the whole script, the same bytes as stdout gets, and
  // leaves no temporary file behind.
  result = Schemadiff("generate --from " + Url(v1_) + " --to " + Url(v2_) + " -o " + out);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const CommandResult printed = Schemadiff("generate --from " + Url(v1_) + " --to " + Url(v2_));
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  EXPECT_EQ(ReadFile(out), printed.out);
  const auto entries = std::distance(std::filesystem::directory_iterator(out_dir),
                                     std::filesystem::directory_iterator());
  EXPECT_EQ(entries, 1);

  // An unwritable destination is one error line, and nothing is created.
  result = Schemadiff("generate --from " + Url(v1_) + " --to " + Url(v2_) + " -o " +
                      dir_.File("no/such/dir/up.sql"));
  ExpectOneLineError(result, "no/such/dir/up.sql");
  EXPECT_FALSE(std::filesystem::exists(dir_.File("no")));
}

TEST_F(NotesCliTest, OutputKeepsLinksDevicesAndPermissions) {
  const std::string args = "generate --from " + Url(v1_) + " --to " + Url(v2_);
  const CommandResult printed = Schemadiff(args);
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  namespace fs = std::filesystem;

  // A replaced file keeps its permissions.
  const std::string owned = dir_.File("owned.sql");
  WriteFile(owned, "old\n");
  fs::permissions(owned, fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_EQ(Schemadiff(args + " -o " + owned).exit_code, 0);
  EXPECT_EQ(ReadFile(owned), printed.out);
  EXPECT_EQ(fs::status(owned).permissions(), fs::perms::owner_read | fs::perms::owner_write);

  // A symbolic link stays a link; its target gets the script.
  const std::string link = dir_.File("link.sql");
  fs::create_symlink(owned, link);
  WriteFile(owned, "old\n");
  ASSERT_EQ(Schemadiff(args + " -o " + link).exit_code, 0);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(ReadFile(owned), printed.out);

  // A FIFO (like /dev/null, not a regular file) is written into, not replaced.
  const std::string fifo = dir_.File("pipe");
  const std::string got = dir_.File("got.sql");
  ASSERT_EQ(RunCommand("mkfifo " + fifo).exit_code, 0);
  // (`timeout` only keeps a broken build from hanging on a FIFO nobody writes.)
  const CommandResult piped =
      RunCommand("timeout 60 cat " + fifo + " > " + got + " & " + SchemadiffBinary() + " " + args +
                 " -o " + fifo + "; status=$?; wait; exit $status");
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(ReadFile(got), printed.out);
}

TEST(CliTest, MissingOrUnreachableSourcesAreOneLine) {
  TempDir dir;
  const std::string db = dir.File("app.db");
  CreateDatabase(dir, db, kNotesV1);

  ExpectOneLineError(Schemadiff("check --from " + Url(dir.File("missing.db")) + " --to " + Url(db)),
                     "missing.db");
  ExpectOneLineError(Schemadiff("check --from " + Url(db) + " --to " + dir.File("missing.yaml")),
                     "missing.yaml");
  ExpectOneLineError(Schemadiff("diff --from ftp://host/x --to " + Url(db)), "ftp");

  // A server nobody listens on: whatever the reason given, one line, and no password.
  const CommandResult server = Schemadiff(
      "check --from postgresql://app:s3cret@127.0.0.1:1/shop --to postgresql://app:s3cret@"
      "127.0.0.1:1/shop");
  ExpectOneLineError(server, "postgresql");
  EXPECT_THAT(server.err, Not(HasSubstr("s3cret")));

  ExpectOneLineError(Schemadiff("check --from " + Url(db) + " --to mysql://u:p@127.0.0.1:1/x"),
                     "same dialect");
}

// Runs `check` from a SQLite database made by kNotesV1 to the file `name` of `dir` holding
// `yaml`.
CommandResult CheckNotesAgainstYaml(const TempDir& dir, const std::string& name,
                                    const std::string& yaml) {
  const std::string db = dir.File("app.db");
  CreateDatabase(dir, db, kNotesV1);
  WriteFile(dir.File(name), yaml);
  return Schemadiff("check --from " + Url(db) + " --to " + dir.File(name));
}

TEST(CliTest, BrokenYamlNamesFileLineAndColumn) {
  TempDir dir;
  const CommandResult result = CheckNotesAgainstYaml(
      dir, "broken.yaml", "dialect: sqlite\ntables:\n  - name: notes\n    columns: [unclosed\n");
  ExpectOneLineError(result, "broken.yaml:");
  EXPECT_TRUE(std::regex_search(result.err, std::regex("broken\\.yaml:[0-9]+:[0-9]+")))
      << result.err;
}

TEST(CliTest, YamlDialectMustMatchTheDatabase) {
  TempDir dir;
  // The database names the dialect; the file's own key is checked where it is written.
  const CommandResult result =
      CheckNotesAgainstYaml(dir, "pg.yaml", "version: 1\ndialect: postgresql\ntables: {}\n");
  ExpectOneLineError(result,
                     "pg.yaml:2:10: this schema is for postgresql but is being compared "
                     "as sqlite");
  EXPECT_THAT(result.err, HasSubstr("--to"));

  // Two files disagree: neither is taken over the other.
  const std::string lite = dir.File("lite.yaml");
  WriteFile(lite, "version: 1\ndialect: sqlite\ntables: {}\n");
  ExpectOneLineError(Schemadiff("check --from " + lite + " --to " + dir.File("pg.yaml")),
                     "declares dialect postgresql but --from says sqlite");
}

TEST_F(NotesCliTest, AlembicRevisionToStdout) {
  const CommandResult result =
      Schemadiff("generate --format alembic --rev-id 0123456789ab -m 'add tags' --from " +
                 Url(v1_) + " --to " + Url(v2_));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("revision = '0123456789ab'"));
  EXPECT_THAT(result.out, HasSubstr("add tags"));
  EXPECT_THAT(result.out, HasSubstr("def upgrade()"));
  EXPECT_THAT(result.out, HasSubstr("def downgrade()"));

  ExpectOneLineError(Schemadiff("generate --format alembic --rev-id 'x;y' --from " + Url(v1_) +
                                " --to " + Url(v2_)),
                     "--rev-id");
}

TEST(CliTest, YamlToYamlNeedsADialect) {
  TempDir dir;
  const std::string yaml = dir.File("portable.yaml");
  WriteFile(yaml,
            "version: 1\n"
            "tables:\n"
            "  notes:\n"
            "    columns:\n"
            "      id: {type: integer, primary_key: true}\n"
            "      body: {type: text, nullable: false}\n");
  ExpectOneLineError(Schemadiff("check --from " + yaml + " --to " + yaml), "--dialect");
  const CommandResult result =
      Schemadiff("check --dialect sqlite --from " + yaml + " --to " + yaml);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  ExpectOneLineError(Schemadiff("check --dialect oracle --from " + yaml + " --to " + yaml),
                     "oracle");
}

TEST_F(NotesCliTest, SqlMessageBecomesAHeaderComment) {
  const CommandResult result =
      Schemadiff("generate -m 'add tags\nand pins' --from " + Url(v1_) + " --to " + Url(v2_));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, StartsWith("-- add tags\n-- and pins\n"));
}

TEST_F(NotesCliTest, RevisionsChainInAVersionsDirectory) {
  const std::string versions = dir_.File("versions");
  std::filesystem::create_directory(versions);

  CommandResult first =
      Schemadiff("generate --versions-dir " + versions +
                 " --rev-id aaaaaaaaaaaa -m 'first' --from " + Url(v1_) + " --to " + Url(v1_));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string first_path = first.out.substr(0, first.out.find('\n'));
  EXPECT_THAT(ReadFile(first_path), HasSubstr("down_revision = None"));

  CommandResult second =
      Schemadiff("generate --versions-dir " + versions +
                 " --rev-id bbbbbbbbbbbb -m 'second' --from " + Url(v1_) + " --to " + Url(v2_));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const std::string second_path = second.out.substr(0, second.out.find('\n'));
  EXPECT_NE(second_path, first_path);
  EXPECT_THAT(ReadFile(second_path), HasSubstr("down_revision = 'aaaaaaaaaaaa'"));

  // A versions dir writes Alembic revisions only.
  ExpectOneLineError(Schemadiff("generate --versions-dir " + versions + " --format sql --from " +
                                Url(v1_) + " --to " + Url(v2_)),
                     "--format alembic");
}

TEST_F(NotesCliTest, AlembicIniGivesTheDefaultFromAndTheVersionsDir) {
  std::filesystem::create_directories(dir_.File("migrations/versions"));
  const std::string ini = dir_.File("alembic.ini");
  WriteFile(
      ini, "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = " + Url(v1_) + "\n");

  CommandResult result = Schemadiff("generate --config " + ini + " --to " + Url(v2_) +
                                    " --rev-id cccccccccccc -m 'add tags'");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, StartsWith(dir_.File("migrations/versions/cccccccccccc_add_tags.py")));
  EXPECT_THAT(ReadFile(dir_.File("migrations/versions/cccccccccccc_add_tags.py")),
              HasSubstr("create_table('tags'"));

  // The same revision id again: the existing file is never overwritten.
  result = Schemadiff("generate --config " + ini + " --to " + Url(v2_) +
                      " --rev-id cccccccccccc -m 'add tags'");
  ExpectOneLineError(result, "cccccccccccc_add_tags.py");
}

}  // namespace
}  // namespace schemadiff
