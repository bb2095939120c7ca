// PostgreSQL type names <-> canonical DataType, shared by the dialect (ParseType / RenderType /
// NormalizeType) and by expression canonicalization (the type of a `::` cast).
#ifndef SCHEMADIFF_CATALOG_POSTGRES_TYPES_H_
#define SCHEMADIFF_CATALOG_POSTGRES_TYPES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "catalog/postgres_lexer.h"
#include "catalog/type.h"

namespace schemadiff {

// Parses the type name starting at tokens[*pos] (a cast target, a column type) and moves *pos
// past it. Names the model has no kind for become kVerbatim when `allow_verbatim`.
absl::StatusOr<DataType> ParsePostgresTypeAt(const std::vector<PgToken>& tokens, size_t* pos,
                                             bool allow_verbatim);

// Parses a whole type spelling ("character varying(20)[]", "timestamp(3) with time zone").
absl::StatusOr<DataType> ParsePostgresType(std::string_view text, bool allow_verbatim);

// The DDL spelling of a canonical type.
std::string RenderPostgresType(const DataType& type);

// PostgreSQL's view of a type: kinds it lacks mapped to the ones it stores (tinyint is
// smallint), attributes it ignores dropped (unsigned, display widths), implied values made
// explicit or removed (char is char(1), timestamp(6) is timestamp), arrays of any depth are one
// array type.
DataType NormalizePostgresType(const DataType& type);

// True for text, varchar and char.
bool IsPostgresTextKind(TypeKind kind);

}  // namespace schemadiff

#endif  // SCHEMADIFF_CATALOG_POSTGRES_TYPES_H_
