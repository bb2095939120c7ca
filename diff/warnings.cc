#include "diff/warnings.h"

#include <algorithm>
#include <optional>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "diff/overloaded.h"

namespace schemadiff {
namespace {

// Byte width rank of an integer kind, nullopt for other kinds.
std::optional<int> IntegerRank(TypeKind kind) {
  switch (kind) {
    case TypeKind::kTinyInt:
      return 1;
    case TypeKind::kSmallInt:
      return 2;
    case TypeKind::kMediumInt:
      return 3;
    case TypeKind::kInteger:
      return 4;
    case TypeKind::kBigInt:
      return 8;
    default:
      return std::nullopt;
  }
}

// Decimal digits an integer of `rank` bytes needs.
int IntegerDigits(int rank) {
  switch (rank) {
    case 1:
      return 3;
    case 2:
      return 5;
    case 3:
      return 8;
    case 4:
      return 10;
    default:
      return 20;
  }
}

bool IsText(TypeKind kind) {
  return kind == TypeKind::kVarchar || kind == TypeKind::kChar || kind == TypeKind::kText;
}

// `b` (nullopt = unbounded) is at least as large as `a`.
bool AtLeast(std::optional<int> a, std::optional<int> b) { return !b || (a && *b >= *a); }

// The most decisive of two classifications.
TypeChange Worst(TypeChange a, TypeChange b) { return std::max(a, b); }

TypeChange ClassifyIntegers(const DataType& from, const DataType& to, int a, int b) {
  if (from.is_unsigned == to.is_unsigned)
    return b >= a ? TypeChange::kWidening : TypeChange::kNarrowing;
  if (from.is_unsigned) return b > a ? TypeChange::kWidening : TypeChange::kNarrowing;
  return TypeChange::kNarrowing;  // signed -> unsigned loses negatives
}

TypeChange ClassifyText(const DataType& from, const DataType& to) {
  if (to.kind == TypeKind::kText) {
    return from.kind != TypeKind::kText || AtLeast(from.length, to.length) ? TypeChange::kWidening
                                                                           : TypeChange::kNarrowing;
  }
  if (from.kind == TypeKind::kText) return TypeChange::kNarrowing;  // to a bounded string
  return AtLeast(from.length, to.length) ? TypeChange::kWidening : TypeChange::kNarrowing;
}

TypeChange ClassifyNumeric(const DataType& from, const DataType& to) {
  if (!to.precision) return TypeChange::kWidening;
  if (!from.precision) return TypeChange::kNarrowing;
  const int from_scale = from.scale.value_or(0);
  const int to_scale = to.scale.value_or(0);
  const bool fits = *to.precision - to_scale >= *from.precision - from_scale &&
                    to_scale >= from_scale && (!to.is_unsigned || from.is_unsigned);
  return fits ? TypeChange::kWidening : TypeChange::kNarrowing;
}

TypeChange ClassifyEnum(const DataType& from, const DataType& to) {
  if (from.enum_name != to.enum_name) return TypeChange::kLossy;
  const std::set<std::string> target(to.enum_values.begin(), to.enum_values.end());
  for (const std::string& v : from.enum_values) {
    if (!target.contains(v)) return TypeChange::kNarrowing;
  }
  return TypeChange::kWidening;
}

// Warning for a column type change.
std::optional<Warning> TypeWarning(const std::string& where, const DataType& from,
                                   const DataType& to) {
  const std::string change =
      absl::StrCat(where, " changes type from ", DescribeType(from), " to ", DescribeType(to));
  switch (ClassifyTypeChange(from, to)) {
    case TypeChange::kSame:
    case TypeChange::kWidening:
      return std::nullopt;
    case TypeChange::kNarrowing:
      return Warning{kWarnTypeNarrowing, Severity::kWarning,
                     absl::StrCat(change, ": values that do not fit fail or are truncated")};
    case TypeChange::kLossy:
      return Warning{kWarnDataLoss, Severity::kDanger,
                     absl::StrCat(change, ": values that do not convert fail or are lost")};
  }
  return std::nullopt;
}

std::vector<Warning> AlterColumnWarnings(const AlterColumn& op) {
  std::vector<Warning> out;
  const std::string where =
      absl::StrCat("column ", QualifiedName(op.schema, op.table), ".", op.to.name);
  if (op.changes & kAlterType) {
    if (std::optional<Warning> w = TypeWarning(where, op.from.type, op.to.type)) {
      out.push_back(*w);
    }
  }
  if ((op.changes & kAlterNullable) && op.from.nullable && !op.to.nullable) {
    out.push_back(
        {kWarnNotNull, Severity::kWarning,
         absl::StrCat(where, " becomes NOT NULL: the migration fails if a row holds NULL")});
  }
  return out;
}

std::vector<Warning> AlterEnumWarnings(const AlterEnum& op) {
  const std::string name = QualifiedName(op.to.schema, op.to.name);
  std::vector<Warning> out;
  std::set<std::string> kept(op.to.values.begin(), op.to.values.end());
  for (const auto& [former, renamed] : op.to.renamed_values) kept.insert(former);
  std::vector<std::string> removed;
  for (const std::string& v : op.from.values) {
    if (!kept.contains(v)) removed.push_back(absl::StrCat("'", v, "'"));
  }
  out.push_back(
      {kWarnEnumChange, Severity::kWarning,
       absl::StrCat("enum ", name, " changes its values; columns using it are affected")});
  if (!removed.empty()) {
    out.push_back({kWarnDataLoss, Severity::kDanger,
                   absl::StrCat("enum ", name, " removes ", absl::StrJoin(removed, ", "),
                                ": rows holding them make the migration fail")});
  }
  return out;
}

}  // namespace

TypeChange ClassifyTypeChange(const DataType& from, const DataType& to) {
  if (from == to) return TypeChange::kSame;
  const std::optional<int> from_rank = IntegerRank(from.kind);
  const std::optional<int> to_rank = IntegerRank(to.kind);
  if (from_rank && to_rank) return ClassifyIntegers(from, to, *from_rank, *to_rank);
  if (from_rank && to.kind == TypeKind::kNumeric) {
    return !to.precision || *to.precision - to.scale.value_or(0) >= IntegerDigits(*from_rank)
               ? TypeChange::kWidening
               : TypeChange::kNarrowing;
  }
  if (from_rank && (to.kind == TypeKind::kReal || to.kind == TypeKind::kDouble)) {
    return TypeChange::kWidening;
  }
  if (IsText(to.kind) && !IsText(from.kind)) {
    // Anything converts to an unbounded string; a bounded one may be too short.
    return to.kind == TypeKind::kText || !to.length ? TypeChange::kWidening
                                                    : TypeChange::kNarrowing;
  }
  if (IsText(from.kind) && IsText(to.kind)) return ClassifyText(from, to);
  if (from.kind != to.kind) {
    if (from.kind == TypeKind::kReal && to.kind == TypeKind::kDouble) return TypeChange::kWidening;
    if (from.kind == TypeKind::kDouble && to.kind == TypeKind::kReal) return TypeChange::kNarrowing;
    if (from.kind == TypeKind::kDate && to.kind == TypeKind::kTimestamp) {
      return TypeChange::kWidening;
    }
    if ((from.kind == TypeKind::kJson || from.kind == TypeKind::kJsonb) &&
        (to.kind == TypeKind::kJson || to.kind == TypeKind::kJsonb)) {
      return TypeChange::kWidening;
    }
    return TypeChange::kLossy;
  }
  switch (from.kind) {
    case TypeKind::kNumeric:
      return ClassifyNumeric(from, to);
    case TypeKind::kTime:
    case TypeKind::kTimestamp:
      return AtLeast(from.precision, to.precision) ? TypeChange::kWidening : TypeChange::kNarrowing;
    case TypeKind::kBinary:
      return AtLeast(from.length, to.length) ? TypeChange::kWidening : TypeChange::kNarrowing;
    case TypeKind::kEnum:
      return ClassifyEnum(from, to);
    case TypeKind::kArray:
      if (from.array_dimensions != to.array_dimensions || from.element.size() != 1 ||
          to.element.size() != 1) {
        return TypeChange::kLossy;
      }
      return Worst(TypeChange::kWidening, ClassifyTypeChange(from.element[0], to.element[0]));
    case TypeKind::kVerbatim:
      return TypeChange::kLossy;
    default:
      // Same kind, differing only in attributes that do not bound values (display width).
      return TypeChange::kWidening;
  }
}

std::vector<Warning> OpWarnings(const Op& op) {
  return std::visit(
      Overloaded{
          [](const DropTable& o) -> std::vector<Warning> {
            return {{kWarnDropTable, Severity::kDanger,
                     absl::StrCat("table ", QualifiedName(o.table.schema, o.table.name),
                                  " is dropped with all its rows")}};
          },
          [](const DropColumn& o) -> std::vector<Warning> {
            return {{kWarnDropColumn, Severity::kDanger,
                     absl::StrCat("column ", QualifiedName(o.schema, o.table), ".", o.column.name,
                                  " is dropped with its data")}};
          },
          [](const AddColumn& o) -> std::vector<Warning> {
            const Column& c = o.column;
            if (c.nullable || c.server_default || c.identity || c.autoincrement || c.generated) {
              return {};
            }
            return {{kWarnNotNull, Severity::kWarning,
                     absl::StrCat("column ", QualifiedName(o.schema, o.table), ".", c.name,
                                  " is added NOT NULL without a server default: the migration "
                                  "fails if the table has rows")}};
          },
          [](const AlterColumn& o) { return AlterColumnWarnings(o); },
          [](const AlterEnum& o) { return AlterEnumWarnings(o); },
          [](const auto&) { return std::vector<Warning>(); },
      },
      op);
}

Warning PossibleRenameWarning(const std::string& table, const std::string& dropped,
                              const std::string& added) {
  return {kWarnPossibleRename, Severity::kWarning,
          absl::StrCat("table ", table, " drops column ", dropped, " and adds column ", added,
                       " of the same type; if this is a rename, add `renamed_from: [", dropped,
                       "]` to column ", added, " to keep its data")};
}

Warning NamingConventionWarning(const std::string& table, const std::string& what,
                                const std::string& actual, const std::string& conventional) {
  return {kWarnNamingConvention, Severity::kInfo,
          absl::StrCat(what, " ", actual, " on table ", table,
                       " does not follow the naming convention, which gives ", conventional)};
}

}  // namespace schemadiff
