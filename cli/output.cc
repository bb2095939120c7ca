#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string_view>

#include "absl/strings/str_cat.h"

namespace schemadiff {
namespace {

// An error naming `what` and `path`, with the text of `error_number`.
absl::Status ErrnoError(std::string_view what, const std::string& path, int error_number) {
  return absl::UnavailableError(
      absl::StrCat("cannot ", std::string(what), " '", path, "': ", std::strerror(error_number)));
}

// Writes all of `text` to `fd`.
bool WriteAll(int fd, const std::string& text) {
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<size_t>(n);
  }
  return true;
}

// The process umask (read without changing it for longer than the call).
mode_t CurrentUmask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

// Writes `text` straight into `path`, which exists and is not a regular file (a device such as
// /dev/null, a FIFO): replacing it by renaming a file over it would destroy it.
absl::Status WriteInPlace(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("write", path, errno);
  bool ok = WriteAll(fd, text);
  int error_number = ok ? 0 : errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    error_number = errno;
  }
  return ok ? absl::OkStatus() : ErrnoError("write", path, error_number);
}

}  // namespace

absl::Status WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text << std::flush;
    if (!std::cout.good()) return absl::UnavailableError("cannot write to standard output");
    return absl::OkStatus();
  }
  struct stat existing;
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) {
    return absl::InvalidArgumentError(absl::StrCat("'", path, "' is a directory"));
  }
  if (exists && !S_ISREG(existing.st_mode)) return WriteInPlace(path, text);
  // A symbolic link stays a link: its target is the file replaced.
  std::string target = path;
  if (exists) {
    if (char* resolved = ::realpath(path.c_str(), nullptr)) {
      target = resolved;
      std::free(resolved);
    }
  }
  std::string temp = target + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return ErrnoError("write", path, errno);
  // A replaced file keeps its permissions; a new one gets the usual 0666 less the umask.
  const mode_t mode = exists ? (existing.st_mode & 07777) : (0666 & ~CurrentUmask());
  bool ok = WriteAll(fd, text) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  int error_number = ok ? 0 : errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    error_number = errno;
  }
  if (ok && ::rename(temp.c_str(), target.c_str()) != 0) {
    ok = false;
    error_number = errno;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    return ErrnoError("write", path, error_number);
  }
  return absl::OkStatus();
}

}  // namespace schemadiff
