// MD5 (RFC 1321), used to reproduce SQLAlchemy's truncation of long conventional names.
#ifndef SCHEMADIFF_COMMON_MD5_H_
#define SCHEMADIFF_COMMON_MD5_H_

#include <string>
#include <string_view>

namespace schemadiff {

// The MD5 digest of `data` as 32 lower-case hex digits (Python's hashlib.md5().hexdigest()).
std::string Md5Hex(std::string_view data);

}  // namespace schemadiff

#endif  // SCHEMADIFF_COMMON_MD5_H_
