// The schemadiff command line against PostgreSQL URLs: database vs itself, database vs
// database (check, generate up and down, applied with psql), database vs its own introspect
// YAML, --schema, --no-safe (both forms applied with psql), and the one-line errors.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/integration/postgres_test_db.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::CommandResult;
using ::schemadiff::testing::PgTestDatabase;
using ::schemadiff::testing::RunCommand;
using ::schemadiff::testing::SchemadiffBinary;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

CommandResult Schemadiff(const std::string& args) {
  return RunCommand(absl::StrCat("'", SchemadiffBinary(), "' ", args));
}

// `url` (postgresql://user:password@host...) with another password.
std::string WithPassword(const std::string& url, const std::string& password) {
  const size_t user = url.find("://") + 3;
  const size_t colon = url.find(':', user);
  const size_t at = url.find('@', user);
  return absl::StrCat(url.substr(0, colon + 1), password, url.substr(at));
}

const char kBefore[] = R"sql(
CREATE SCHEMA audit;
CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(100) NOT NULL);
CREATE TABLE audit.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, what text);
INSERT INTO users (email) VALUES ('a@example.com');
)sql";

const char kAfter[] = R"sql(
CREATE SCHEMA audit;
CREATE TABLE audit.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, what text);
CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(255) NOT NULL,
  name text NOT NULL DEFAULT '', last_event bigint REFERENCES audit.events (id),
  CONSTRAINT uq_users_email UNIQUE (email));
CREATE INDEX ix_users_name ON users (lower(name));
)sql";

class PostgresCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SKIP_WITHOUT_POSTGRES();
    live_.emplace();
    target_.emplace();
    ASSERT_EQ(live_->Exec(kBefore), "");
    ASSERT_EQ(target_->Exec(kAfter), "");
  }
  // "--from LIVE --to TARGET --schema public --schema audit"
  std::string Pair(const std::string& from, const std::string& to) const {
    return absl::StrCat("--from '", from, "' --to '", to, "' --schema public --schema audit");
  }
  std::optional<PgTestDatabase> live_;
  std::optional<PgTestDatabase> target_;
};

TEST_F(PostgresCliTest, DatabaseAgainstItselfIsInSync) {
  const CommandResult r = Schemadiff("check " + Pair(live_->url(), live_->url()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "in sync\n");
}

// Patterns with a dot match schema.name, the default schema spelled public.
TEST_F(PostgresCliTest, ExcludedTablesAreLeftOutOfBothSides) {
  ASSERT_EQ(live_->Exec("CREATE TABLE spatial_ref_sys (srid int PRIMARY KEY); CREATE TABLE "
                        "audit.spatial_ref_sys (srid int PRIMARY KEY);"),
            "");
  CommandResult r = Schemadiff("check --exclude-table public.spatial_ref_sys " +
                               Pair(live_->url(), live_->url()));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  r = Schemadiff("check --exclude-table public.spatial_ref_sys " +
                 Pair(live_->url(), target_->url()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(absl::StrContains(r.out, "drop table spatial_ref_sys")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "drop table audit.spatial_ref_sys")) << r.out;
  r = Schemadiff("check --exclude-table '*.spatial_ref_sys' " + Pair(live_->url(), target_->url()));
  EXPECT_FALSE(absl::StrContains(r.out, "spatial_ref_sys")) << r.out;
}

TEST_F(PostgresCliTest, GenerateUpAndDownBetweenTwoDatabases) {
  CommandResult r = Schemadiff("check --format json " + Pair(live_->url(), target_->url()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "\"in_sync\": false")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "audit.events")) << r.out;

  TempDir dir;
  r = Schemadiff(absl::StrCat("generate --format sql -o '", dir.File("up.sql"), "' ",
                              Pair(live_->url(), target_->url())));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Schemadiff(absl::StrCat("generate --down --format sql -o '", dir.File("down.sql"), "' ",
                              Pair(live_->url(), target_->url())));
  ASSERT_EQ(r.exit_code, 0) << r.err;

  r = live_->Psql(dir.File("up.sql"));
  ASSERT_EQ(r.exit_code, 0) << r.err << testing::ReadFile(dir.File("up.sql"));
  r = Schemadiff("check " + Pair(live_->url(), target_->url()));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(live_->Query("SELECT email, name FROM users"), "a@example.com|");

  r = live_->Psql(dir.File("down.sql"));
  ASSERT_EQ(r.exit_code, 0) << r.err << testing::ReadFile(dir.File("down.sql"));
  PgTestDatabase fresh;
  ASSERT_EQ(fresh.Exec(kBefore), "");
  r = Schemadiff("check " + Pair(live_->url(), fresh.url()));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(live_->Query("SELECT email FROM users"), "a@example.com");
}

TEST_F(PostgresCliTest, SafeAndPlainForms) {
  CommandResult safe = Schemadiff("generate --format sql " + Pair(live_->url(), target_->url()));
  ASSERT_EQ(safe.exit_code, 0) << safe.err;
  EXPECT_TRUE(absl::StrContains(safe.out, "SET lock_timeout")) << safe.out;
  EXPECT_TRUE(absl::StrContains(safe.out, "CREATE INDEX CONCURRENTLY ix_users_name")) << safe.out;
  CommandResult plain =
      Schemadiff("generate --no-safe --format sql " + Pair(live_->url(), target_->url()));
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_FALSE(absl::StrContains(plain.out, "CONCURRENTLY")) << plain.out;
  EXPECT_FALSE(absl::StrContains(plain.out, "NOT VALID")) << plain.out;

  // Each form, run with psql on its own copy of the `from` database, leaves it in sync with the
  // target and keeps its row.
  PgTestDatabase plain_db;
  ASSERT_EQ(plain_db.Exec(kBefore), "");
  TempDir dir;
  const auto apply = [&](const PgTestDatabase& db, const CommandResult& form,
                         const std::string& label) {
    const std::string script = dir.File(label + ".sql");
    WriteFile(script, form.out);
    CommandResult r = db.Psql(script);
    ASSERT_EQ(r.exit_code, 0) << label << ": " << r.err << form.out;
    r = Schemadiff("check " + Pair(db.url(), target_->url()));
    EXPECT_EQ(r.exit_code, 0) << label << ": " << r.out << r.err << form.out;
    EXPECT_EQ(r.out, "in sync\n") << label;
    EXPECT_EQ(db.Query("SELECT email, name FROM users"), "a@example.com|") << label;
  };
  apply(*live_, safe, "safe");
  apply(plain_db, plain, "plain");
}

TEST_F(PostgresCliTest, DatabaseAgainstItsIntrospectYaml) {
  TempDir dir;
  const std::string yaml = dir.File("schema.yaml");
  CommandResult r = Schemadiff(absl::StrCat("introspect '", target_->url(), "' -o '", yaml,
                                            "' --schema public --schema audit"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Schemadiff("check " + Pair(target_->url(), yaml));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err << testing::ReadFile(yaml);
  r = Schemadiff("check " + Pair(yaml, target_->url()));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(PostgresCliTest, ErrorsAreOneLineWithoutThePassword) {
  const std::string bad = WithPassword(live_->url(), "s3cret-wrong");
  const CommandResult r = Schemadiff("check " + Pair(bad, live_->url()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(absl::StrContains(r.err, "password authentication failed")) << r.err;
  EXPECT_FALSE(absl::StrContains(r.err, "s3cret-wrong")) << r.err;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

}  // namespace
}  // namespace schemadiff
