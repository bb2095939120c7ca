// Alembic project helpers: alembic.ini, heads of a versions directory, revision ids, file names
// (checked against Alembic's own _rev_path) and never-overwriting writes.
#include <filesystem>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "render/alembic.h"
#include "render/python_literal.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::ReadFile;
using ::schemadiff::testing::RunCommand;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

namespace fs = std::filesystem;

TEST(ReadAlembicConfigTest, ReadsAndInterpolates) {
  TempDir dir;
  fs::create_directories(dir.File("migrations/versions"));
  WriteFile(dir.File("alembic.ini"), R"ini(# A generic, single database configuration.
[DEFAULT]
dbname = app.db

[alembic]
; comment
script_location = %(here)s/migrations
file_template = %%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s
truncate_slug_length = 20
sqlalchemy.url = sqlite:///%(here)s/%(dbname)s
prepend_sys_path = .
    continued

[loggers]
keys = root
)ini");
  absl::StatusOr<AlembicProject> project = ReadAlembicConfig(dir.File("alembic.ini"));
  ASSERT_OK(project);
  EXPECT_EQ(project->versions_dir, dir.File("migrations/versions"));
  EXPECT_EQ(project->file_template, "%(year)d_%(month).2d_%(day).2d_%(rev)s_%(slug)s");
  EXPECT_EQ(project->truncate_slug_length, 20);
  EXPECT_EQ(project->sqlalchemy_url, "sqlite:///" + dir.path() + "/app.db");
}

TEST(ReadAlembicConfigTest, DefaultsAndRelativeLocationFromTheIniDirectory) {
  TempDir dir;
  fs::create_directories(dir.File("alembic/versions"));
  WriteFile(dir.File("alembic.ini"), "[alembic]\nscript_location = alembic\n");
  absl::StatusOr<AlembicProject> project = ReadAlembicConfig(dir.File("alembic.ini"));
  ASSERT_OK(project);
  EXPECT_EQ(project->versions_dir, dir.File("alembic/versions"));
  EXPECT_EQ(project->file_template, "%(rev)s_%(slug)s");
  EXPECT_EQ(project->truncate_slug_length, 40);
  EXPECT_EQ(project->sqlalchemy_url, "");
}

TEST(ReadAlembicConfigTest, SingleVersionLocationWins) {
  TempDir dir;
  WriteFile(dir.File("alembic.ini"),
            "[alembic]\nscript_location = %(here)s/alembic\n"
            "version_locations = %(here)s/elsewhere\n");
  absl::StatusOr<AlembicProject> project = ReadAlembicConfig(dir.File("alembic.ini"));
  ASSERT_OK(project);
  EXPECT_EQ(project->versions_dir, dir.File("elsewhere"));
}

TEST(ReadAlembicConfigTest, ClearErrors) {
  TempDir dir;
  const auto error_for = [&](const std::string& text) {
    WriteFile(dir.File("alembic.ini"), text);
    return ReadAlembicConfig(dir.File("alembic.ini")).status();
  };
  EXPECT_TRUE(absl::StrContains(error_for("[other]\na = b\n").message(), "no [alembic] section"));
  EXPECT_TRUE(absl::StrContains(error_for("[alembic]\nsqlalchemy.url = x\n").message(),
                                "no script_location"));
  EXPECT_TRUE(absl::StrContains(
      error_for("[alembic]\nscript_location = a\nversion_locations = x y\n").message(),
      "version_locations lists 2"));
  EXPECT_TRUE(absl::StrContains(error_for("[alembic]\nscript_location = %(nope)s\n").message(),
                                "unknown option"));
  EXPECT_TRUE(absl::StrContains(
      error_for("[alembic]\nscript_location = a\ntruncate_slug_length = x\n").message(),
      "truncate_slug_length"));
  EXPECT_TRUE(absl::StrContains(error_for("[alembic]\njunk line\n").message(), "alembic.ini:2"));
  EXPECT_FALSE(ReadAlembicConfig(dir.File("missing.ini")).ok());
}

// A revision file as Alembic writes it; `down` is the Python text after `down_revision = `.
std::string RevisionText(const std::string& revision, const std::string& down) {
  return absl::StrCat("\"\"\"msg\n\nRevision ID: ", revision, "\nRevises:\n\"\"\"\n",
                      "from alembic import op\n\n# revision identifiers, used by Alembic.\n",
                      "revision = '", revision, "'\ndown_revision = ", down,
                      "\nbranch_labels = None\n\n\ndef upgrade():\n    pass\n");
}

TEST(FindHeadRevisionTest, EmptyDirectoryHasNoHead) {
  TempDir dir;
  absl::StatusOr<std::string> head = FindHeadRevision(dir.path());
  ASSERT_OK(head);
  EXPECT_EQ(*head, "");
}

TEST(FindHeadRevisionTest, LinearChainAndMerge) {
  TempDir dir;
  WriteFile(dir.File("a_first.py"), RevisionText("aaa", "None"));
  WriteFile(dir.File("b_second.py"), RevisionText("bbb", "'aaa'"));
  WriteFile(dir.File("__init__.py"), "");
  WriteFile(dir.File("notes.txt"), "revision = 'zzz'\n");
  absl::StatusOr<std::string> head = FindHeadRevision(dir.path());
  ASSERT_OK(head);
  EXPECT_EQ(*head, "bbb");

  // A branch: two heads, named in the error.
  WriteFile(dir.File("c_branch.py"),
            "revision: str = \"ccc\"\ndown_revision: Union[str, None] = \"aaa\"  # branch\n");
  absl::StatusOr<std::string> heads = FindHeadRevision(dir.path());
  ASSERT_FALSE(heads.ok());
  EXPECT_TRUE(absl::StrContains(heads.status().message(), "2 heads (bbb, ccc)")) << heads.status();

  // A merge revision with a multi-line tuple brings them together.
  WriteFile(dir.File("d_merge.py"), RevisionText("ddd", "(\n    'bbb',\n    'ccc',\n)"));
  head = FindHeadRevision(dir.path());
  ASSERT_OK(head);
  EXPECT_EQ(*head, "ddd");
}

TEST(FindHeadRevisionTest, BrokenDirectories) {
  TempDir dir;
  WriteFile(dir.File("a.py"), RevisionText("aaa", "'missing'"));
  EXPECT_TRUE(absl::StrContains(FindHeadRevision(dir.path()).status().message(),
                                "down_revision missing is not in"));
  WriteFile(dir.File("a.py"), RevisionText("aaa", "None"));
  WriteFile(dir.File("b.py"), RevisionText("aaa", "None"));
  EXPECT_TRUE(
      absl::StrContains(FindHeadRevision(dir.path()).status().message(), "defined by both"));
  fs::remove(dir.File("b.py"));
  WriteFile(dir.File("helper.py"), "x = 1\n");
  EXPECT_TRUE(absl::StrContains(FindHeadRevision(dir.path()).status().message(),
                                "helper.py: no `revision"));
  EXPECT_FALSE(FindHeadRevision(dir.File("nope")).ok());
}

TEST(NewRevisionIdTest, TwelveFreshHexDigits) {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    const std::string id = NewRevisionId();
    ASSERT_EQ(id.size(), 12u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 20u);
}

TEST(RevisionFileNameTest, DefaultTemplateAndDateTokens) {
  AlembicProject project;
  RevisionInfo info;
  info.revision_id = "ae1027a6acf";
  info.message = "Add users table!";
  info.create_date = "2024-05-01 09:04:05.123456";
  EXPECT_EQ(RevisionFileName(project, info), "ae1027a6acf_add_users_table.py");
  project.file_template = "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s";
  EXPECT_EQ(RevisionFileName(project, info), "2024_05_01_0904-ae1027a6acf_add_users_table.py");
  project.file_template = "%(second)02d_%(rev).4s_100%%";
  EXPECT_EQ(RevisionFileName(project, info), "05_ae10_100%.py");
}

// Our slugs equal Alembic's for ASCII messages: ask Alembic's ScriptDirectory._rev_path.
TEST(RevisionFileNameTest, SlugsMatchAlembic) {
  const std::vector<std::string> messages = {
      "add users table",
      "  Leading, trailing... and   multiple   spaces  ",
      "a_very_long_message_that_goes_on_and_on_past_the_limit_of_forty",
      "averyveryveryveryveryveryveryveryveryverylongword and more",
      "",
      "CamelCase-With-Dashes/and/slashes",
      "exactly forty characters long message xy",
  };
  TempDir dir;
  std::string script =
      "import datetime\nfrom alembic.script.base import ScriptDirectory\n"
      "d = ScriptDirectory('.')\nwhen = datetime.datetime(2024, 5, 1, 9, 4, 5)\n";
  for (const std::string& m : messages) {
    absl::StrAppend(&script, "print(d._rev_path('', 'abc', ", PythonStr(m), ", when))\n");
  }
  WriteFile(dir.File("slug.py"), script);
  const auto result = RunCommand("cd '" + dir.path() + "' && /usr/bin/python3 slug.py");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string expected;
  AlembicProject project;
  for (const std::string& m : messages) {
    RevisionInfo info;
    info.revision_id = "abc";
    info.message = m;
    info.create_date = "2024-05-01 09:04:05.000000";
    absl::StrAppend(&expected, RevisionFileName(project, info), "\n");
  }
  EXPECT_EQ(result.out, expected);
}

TEST(WriteRevisionFileTest, WritesOnceAndNeverOverwrites) {
  TempDir dir;
  AlembicProject project;
  project.versions_dir = dir.path();
  absl::StatusOr<std::string> path = WriteRevisionFile(project, "abc_first.py", "one\n");
  ASSERT_OK(path);
  EXPECT_EQ(*path, dir.File("abc_first.py"));
  EXPECT_EQ(ReadFile(*path), "one\n");
  EXPECT_EQ(fs::status(*path).permissions() & fs::perms::owner_read, fs::perms::owner_read);

  absl::StatusOr<std::string> again = WriteRevisionFile(project, "abc_first.py", "two\n");
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(absl::StrContains(again.status().message(), "already exists")) << again.status();
  EXPECT_EQ(ReadFile(*path), "one\n");

  EXPECT_FALSE(WriteRevisionFile(project, "../escape.py", "x").ok());
  EXPECT_FALSE(WriteRevisionFile(project, "", "x").ok());
  project.versions_dir = dir.File("missing");
  EXPECT_FALSE(WriteRevisionFile(project, "a.py", "x").ok());

  // Nothing but the revision is left behind.
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    ++files;
    EXPECT_EQ(entry.path().filename(), "abc_first.py");
  }
  EXPECT_EQ(files, 1);
}

}  // namespace
}  // namespace schemadiff
