#include "introspect/postgres_queries.h"

namespace schemadiff::pg_queries {

const char* const kEnums = R"SQL(
SELECT n.nspname, t.typname, e.enumlabel
FROM pg_catalog.pg_enum e
JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ANY ($1::text[])
ORDER BY n.nspname, t.typname, e.enumsortorder
)SQL";

const char* const kTables = R"SQL(
SELECT c.oid, n.nspname, c.relname, d.description
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY ($1::text[])
)SQL";

const char* const kColumns = R"SQL(
SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
       a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity,
       a.attgenerated, d.description,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
       t.typtype, t.typname, tn.nspname, et.typtype, et.typname, etn.nspname, a.attcollation
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::regclass
  AND d.objsubid = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY ($1::text[])
  AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
)SQL";

const char* const kSequences = R"SQL(
SELECT d.refobjid, d.refobjsubid, d.deptype, c.oid::regclass::text, s.seqstart, s.seqincrement
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_depend d
  ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.objsubid = 0
  AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
WHERE c.relkind = 'S' AND n.nspname = ANY ($1::text[])
)SQL";

const char* const kConstraints = R"SQL(
SELECT con.conrelid, con.conname, con.contype, con.conkey::text, con.confrelid,
       con.confkey::text, fn.nspname, fc.relname, con.confupdtype, con.confdeltype,
       con.confmatchtype, con.condeferrable, con.condeferred, con.convalidated,
       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END,
       x.indnullsnotdistinct
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_index x ON x.indexrelid = con.conindid AND con.contype = 'u'
WHERE con.contype IN ('p', 'u', 'f', 'c') AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND n.nspname = ANY ($1::text[])
)SQL";

const char* const kColumnNames = R"SQL(
SELECT attrelid, attnum, attname FROM pg_catalog.pg_attribute
WHERE attrelid = ANY ($1::oid[]) AND attnum > 0 AND NOT attisdropped
)SQL";

const char* const kIndexes = R"SQL(
SELECT x.indrelid, i.relname, x.indisunique, x.indnullsnotdistinct, am.amname, x.indnkeyatts,
       x.indkey::text, x.indoption::text, pg_catalog.pg_get_expr(x.indpred, x.indrelid),
       CASE WHEN x.indexprs IS NOT NULL THEN
         ARRAY(SELECT pg_catalog.pg_get_indexdef(x.indexrelid, k, true)
               FROM generate_series(1, x.indnkeyatts) k ORDER BY k)
       END,
       x.indclass::text, x.indcollation::text
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = i.relam
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                  WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid
                    AND k.contype IN ('p', 'u', 'x'))
)SQL";

const char* const kOperatorClasses = R"SQL(
SELECT oid, opcname FROM pg_catalog.pg_opclass WHERE NOT opcdefault
)SQL";

const char* const kCollations = R"SQL(
SELECT oid, collname FROM pg_catalog.pg_collation
)SQL";

}  // namespace schemadiff::pg_queries
