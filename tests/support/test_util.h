// Helpers shared by the tests: temporary directories, running commands, status assertions.
#ifndef SCHEMADIFF_TESTS_SUPPORT_TEST_UTIL_H_
#define SCHEMADIFF_TESTS_SUPPORT_TEST_UTIL_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gtest/gtest.h"

namespace schemadiff::testing {

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string File(const std::string& name) const;

 private:
  std::string path_;
};

// Result of running a shell command.
struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `command` with /bin/sh, capturing stdout and stderr.
CommandResult RunCommand(const std::string& command);

// Writes `text` to `path` (overwriting); fails the test on error.
void WriteFile(const std::string& path, const std::string& text);
// Reads the file at `path`; fails the test on error.
std::string ReadFile(const std::string& path);

// Path of a file under the source tree, e.g. SourcePath("schemas/examples/shop_v2.yaml").
std::string SourcePath(const std::string& relative);
// Path of the built schemadiff binary.
std::string SchemadiffBinary();

}  // namespace schemadiff::testing

// gtest assertions on absl::Status / absl::StatusOr values, printing the status on failure.
#define ASSERT_OK(expr)                                                 \
  do {                                                                  \
    const ::absl::Status sd_s_ = ::schemadiff::testing::ToStatus(expr); \
    ASSERT_TRUE(sd_s_.ok()) << sd_s_;                                   \
  } while (0)
#define EXPECT_OK(expr) \
  EXPECT_TRUE(::schemadiff::testing::ToStatus(expr).ok()) << ::schemadiff::testing::ToStatus(expr)

namespace schemadiff::testing {
inline absl::Status ToStatus(const absl::Status& s) { return s; }
template <typename T>
absl::Status ToStatus(const absl::StatusOr<T>& s) {
  return s.status();
}
}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_SUPPORT_TEST_UTIL_H_
