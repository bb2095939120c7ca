// Canonical, dialect-neutral column types.
#ifndef SCHEMADIFF_CATALOG_TYPE_H_
#define SCHEMADIFF_CATALOG_TYPE_H_

#include <optional>
#include <string>
#include <vector>

namespace schemadiff {

// The kind of a canonical type. kVerbatim keeps a native spelling the model has no name for
// (domains, extension types, MySQL SET, ...), compared by its normalized text.
enum class TypeKind {
  kTinyInt,    // 1 byte integer (MySQL TINYINT)
  kSmallInt,   // 2 bytes
  kMediumInt,  // 3 bytes (MySQL MEDIUMINT)
  kInteger,    // 4 bytes
  kBigInt,     // 8 bytes
  kNumeric,    // exact decimal, precision/scale optional
  kReal,       // 4 byte float
  kDouble,     // 8 byte float
  kVarchar,    // length optional (unbounded varchar)
  kChar,       // fixed length
  kText,       // unbounded text; `length` distinguishes MySQL TINY/MEDIUM/LONGTEXT
  kBoolean,
  kDate,
  kTime,       // precision, with_timezone
  kTimestamp,  // precision, with_timezone (MySQL DATETIME is without tz)
  kInterval,
  kUuid,
  kJson,
  kJsonb,
  kBinary,    // blob / bytea; `length` for VARBINARY(n) or sized blobs
  kEnum,      // enum_name (named type) and/or enum_values (inline, MySQL)
  kArray,     // element type in `element`
  kVerbatim,  // `verbatim` holds the normalized native spelling
};

// A column type. Two DataType values are the same type when they compare equal, after each
// side went through its dialect's normalization.
struct DataType {
  TypeKind kind = TypeKind::kVerbatim;
  std::optional<int> length;             // varchar/char/binary length, text size class
  std::optional<int> precision;          // numeric precision, fractional seconds, float bits
  std::optional<int> scale;              // numeric scale
  bool with_timezone = false;            // time/timestamp
  bool is_unsigned = false;              // MySQL integer/decimal attribute
  bool fixed_binary = false;             // BINARY(n) rather than VARBINARY(n)
  std::optional<int> display_width;      // MySQL TINYINT(1) and friends, kept only where it matters
  std::string enum_name;                 // named enum type (PostgreSQL), empty for inline enums
  std::vector<std::string> enum_values;  // values in order (inline or resolved)
  std::vector<DataType> element;         // array element type: exactly one entry for kArray
  int array_dimensions = 0;              // number of [] for kArray
  std::string verbatim;  // kVerbatim spelling, lower-cased and whitespace-normalized

  friend bool operator==(const DataType&, const DataType&) = default;
};

// Convenience constructors for the common cases.
DataType MakeType(TypeKind kind);
DataType MakeVarchar(std::optional<int> length);
DataType MakeNumeric(std::optional<int> precision, std::optional<int> scale);
DataType MakeVerbatim(std::string spelling);

// True for the integer, numeric and floating point kinds.
bool IsNumericKind(TypeKind kind);

// A short, dialect-neutral description used in messages and the `diff` summary, e.g.
// "varchar(255)", "timestamp(tz)", "numeric(12,2)", "enum(order_status)", "array(integer)".
// For every type the portable names can express, ParsePortableType(DescribeType(t)) == t.
std::string DescribeType(const DataType& type);

// Parses the portable type names of the YAML format, case- and space-insensitively:
// string / string(n) / varchar(n), char(n), text, tinyint / smallint / mediumint /
// integer (int) / bigint [unsigned], boolean (bool), numeric(p,s) (decimal) [unsigned],
// float (real, 4 bytes), double, float(p) (p <= 24: float, else double), date,
// time / timestamp with optional precision and `tz` (timestamp(6,tz)), timestamptz, interval,
// uuid, json, jsonb, binary (blob), binary(n) (fixed), varbinary(n), enum(name),
// enum('a','b') (inline values), array(T) (nested arrays add dimensions). Returns nullopt for
// names that are not portable, which the caller then gives to the dialect's native parser.
std::optional<DataType> ParsePortableType(std::string_view text);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_TYPE_H_
