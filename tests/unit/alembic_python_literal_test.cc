// Python literals for schema text: exact spellings, and round trips through the real Python and
// SQLAlchemy that run the revisions.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "render/python_literal.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

using ::schemadiff::testing::RunCommand;
using ::schemadiff::testing::TempDir;
using ::schemadiff::testing::WriteFile;

TEST(PythonStrTest, QuotesLikeRepr) {
  EXPECT_EQ(PythonStr("users"), "'users'");
  EXPECT_EQ(PythonStr("o'clock"), "\"o'clock\"");
  EXPECT_EQ(PythonStr("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(PythonStr("both ' and \""), "'both \\' and \"'");
  EXPECT_EQ(PythonStr(""), "''");
}

TEST(PythonStrTest, EscapesBackslashesAndControlCharacters) {
  EXPECT_EQ(PythonStr("a\\b"), "'a\\\\b'");
  EXPECT_EQ(PythonStr("line\nbreak\r\ttab"), "'line\\nbreak\\r\\ttab'");
  EXPECT_EQ(PythonStr(std::string("nul\0x", 5)), "'nul\\x00x'");
  EXPECT_EQ(PythonStr("del\x7f"), "'del\\x7f'");
}

TEST(PythonStrTest, NonAsciiBecomesEscapes) {
  EXPECT_EQ(PythonStr("caf\xc3\xa9"), "'caf\\xe9'");                // é
  EXPECT_EQ(PythonStr("\xe2\x80\xae"), "'\\u202e'");                // right-to-left override
  EXPECT_EQ(PythonStr("\xf0\x9f\x98\x80"), "'\\U0001f600'");        // emoji
  EXPECT_EQ(PythonStr("bad\xff"), "'bad\\udcff'");                  // not UTF-8
  EXPECT_EQ(PythonStr("\xc0\xaf"), "'\\udcc0\\udcaf'");             // overlong '/'
  EXPECT_EQ(PythonStr("\xed\xa0\x80"), "'\\udced\\udca0\\udc80'");  // encoded surrogate
}

TEST(EscapeForSqlTextTest, EscapesOnlyWhatTextWouldRead) {
  EXPECT_EQ(EscapeForSqlText("a = :b"), "a = \\:b");
  EXPECT_EQ(EscapeForSqlText("x::text"), "x::text");
  EXPECT_EQ(EscapeForSqlText("'10:30'"), "'10:30'");
  EXPECT_EQ(EscapeForSqlText(":a:"), ":a:");
  EXPECT_EQ(EscapeForSqlText("\\:x"), "\\\\:x");
  EXPECT_EQ(EscapeForSqlText("lower(name)"), "lower(name)");
}

TEST(CommentTextTest, StaysOnOneAsciiLine) {
  EXPECT_EQ(CommentText("a\nb\r\xc3\xa9"), "a\\nb\\r\\xe9");
}

TEST(DocstringTextTest, KeepsLinesEscapesQuotes) {
  EXPECT_EQ(DocstringText("a\n\"\"\"b\\"), "a\n\\\"\\\"\\\"b\\\\");
}

// Hostile strings, each checked in Python against its exact bytes.
std::vector<std::string> HostileStrings() {
  return {"plain",
          "o'clock",
          "\"double\"",
          "both ' \" quotes",
          "back\\slash\\",
          "\\",
          "'; import os; os.system('x') #",
          "\"\"\" docstring end",
          "line\nbreak",
          "cr\rlf\r\n",
          std::string("nul\0byte", 8),
          "\x01\x1f\x7f",
          "caf\xc3\xa9 \xe2\x80\xae bidi \xf0\x9f\x98\x80",
          ":bind and :other:colon",
          "x::text",
          "\\:escaped",
          "a\\\\:b",
          "'10:30:00'",
          "$1 :$name :_x :9",
          ":a\\:b",
          "\\:",
          "end:"};
}

std::string Hex(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) absl::StrAppendFormat(&out, "%02x", c);
  return out;
}

TEST(PythonLiteralRoundTripTest, PythonReadsBackTheExactText) {
  std::string script = "import sys\nfailures = []\n";
  for (const std::string& s : HostileStrings()) {
    absl::StrAppend(&script, "if ", PythonStr(s), ".encode('utf-8') != bytes.fromhex('", Hex(s),
                    "'): failures.append(", PythonStr(s), ")\n");
    const std::string doc = DocstringText(s);
    absl::StrAppend(&script, "doc = \"\"\"", doc, "\"\"\"\n");
    absl::StrAppend(&script, "if doc.encode('utf-8') != bytes.fromhex('", Hex(s),
                    "'): failures.append('docstring ' + repr(doc))\n");
    absl::StrAppend(&script, "# ", CommentText(s), "\n");
  }
  absl::StrAppend(&script, "print(failures)\nsys.exit(1 if failures else 0)\n");
  TempDir dir;
  WriteFile(dir.File("check.py"), script);
  const auto result = RunCommand("/usr/bin/python3 " + dir.File("check.py"));
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err << "\n" << script;
}

// What reaches the database is the compiled text and its parameters; TextClause also records
// looser :name matches of its own, which compilation never turns into parameters.
TEST(PythonLiteralRoundTripTest, SqlalchemyTextEmitsTheExactSql) {
  std::string script =
      "import sys\nimport sqlalchemy as sa\nfrom sqlalchemy.dialects import sqlite\n"
      "failures = []\n";
  for (const std::string& s : HostileStrings()) {
    if (s.find('\0') != std::string::npos) continue;  // not SQL
    absl::StrAppend(&script, "clause = sa.text(", PythonSqlText(s), ")\n",
                    "compiled = clause.compile(dialect=sqlite.dialect())\n",
                    "if compiled.params or str(compiled).encode('utf-8') != bytes.fromhex('",
                    Hex(s), "'):\n    failures.append(clause.text)\n",
                    "check = sa.CheckConstraint(", PythonSqlText(s), ")\n",
                    "if str(check.sqltext.compile(dialect=sqlite.dialect())).encode('utf-8') != "
                    "bytes.fromhex('",
                    Hex(s), "'):\n    failures.append('check ' + check.sqltext.text)\n");
  }
  absl::StrAppend(&script, "print(failures)\nsys.exit(1 if failures else 0)\n");
  TempDir dir;
  WriteFile(dir.File("check.py"), script);
  const auto result = RunCommand("/usr/bin/python3 " + dir.File("check.py"));
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err << "\n" << script;
}

}  // namespace
}  // namespace schemadiff
