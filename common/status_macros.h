// Small Status helpers: Abseil 20220623 ships neither RETURN_IF_ERROR nor ASSIGN_OR_RETURN.
#ifndef SCHEMADIFF_COMMON_STATUS_MACROS_H_
#define SCHEMADIFF_COMMON_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define SD_CONCAT_INNER(a, b) a##b
#define SD_CONCAT(a, b) SD_CONCAT_INNER(a, b)

// Returns the status from the enclosing function when `expr` is not OK.
#define RETURN_IF_ERROR(expr)                \
  do {                                       \
    ::absl::Status sd_status_ = (expr);      \
    if (!sd_status_.ok()) return sd_status_; \
  } while (0)

// `ASSIGN_OR_RETURN(auto x, MakeX());` declares/assigns x or returns the error.
#define ASSIGN_OR_RETURN(lhs, expr) \
  SD_ASSIGN_OR_RETURN_IMPL(SD_CONCAT(sd_statusor_, __LINE__), lhs, expr)

#define SD_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()

#endif  // SCHEMADIFF_COMMON_STATUS_MACROS_H_
