//! Flat tables for warehouses: `documents` (one row per input and report, a
//! repeated input marked `duplicate_of` and its figures listed once), `budget`, `score_items`, `targets`,
//! `line_items`, `findings`, `facts` and `budget_rows`, keyed by the input's `sha256` and the report's
//! `part`, as CSV or Parquet. Built from the report lines themselves, so a
//! resumed batch (lines kept from an earlier run) flattens the same way.
//!
//! Money, scores and rates are exact: Parquet `DECIMAL(38,10)` (written from
//! the decimal's digits, never through a float) and plain decimal text in CSV.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

use jixiao_model::Decimal;
use parquet::basic::{Compression, Type as PhysicalType};
use parquet::data_type::{
    ByteArray, ByteArrayType, FixedLenByteArray, FixedLenByteArrayType, Int64Type,
};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use serde_json::Value;

/// Scale of every decimal column: enough for any printed figure.
const SCALE: u32 = 10;
/// Rows buffered per table before a Parquet row group is written.
const ROW_GROUP: usize = 8192;

/// The output format of the flat tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// One `<table>.csv` per table, UTF-8, header row.
    Csv,
    /// One `<table>.parquet` per table.
    Parquet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Int,
    Dec,
}

/// A cell of a flat row.
#[derive(Clone, Debug)]
enum Field {
    Null,
    Text(String),
    Int(i64),
    Dec(Decimal),
}

struct Spec {
    name: &'static str,
    columns: &'static [(&'static str, Kind)],
}

use Kind::{Dec, Int, Text};

const KEY: [(&str, Kind); 2] = [("sha256", Text), ("part", Int)];
const PLACE: [(&str, Kind); 4] = [
    ("page", Int),
    ("line", Int),
    ("cell", Text),
    ("element", Text),
];

const SPECS: &[Spec] = &[
    Spec {
        name: "documents",
        columns: &[
            KEY[0],
            KEY[1],
            ("path", Text),
            ("duplicate_of", Text),
            ("format", Text),
            ("pages", Int),
            ("status", Text),
            ("error_code", Text),
            ("error_message", Text),
            ("title", Text),
            ("unit", Text),
            ("project", Text),
            ("kind", Text),
            ("fiscal_year", Int),
            ("total_score", Dec),
            ("grade", Text),
            ("warnings", Text),
        ],
    },
    Spec {
        name: "budget",
        columns: &[
            KEY[0],
            KEY[1],
            ("initial", Dec),
            ("adjusted", Dec),
            ("available", Dec),
            ("executed", Dec),
            ("execution_rate_pct", Dec),
        ],
    },
    Spec {
        name: "score_items",
        columns: &[
            KEY[0],
            KEY[1],
            ("table_index", Int),
            ("row_index", Int),
            ("table_title", Text),
            ("level1", Text),
            ("level2", Text),
            ("level3", Text),
            ("target", Text),
            ("weight", Dec),
            ("score", Dec),
            PLACE[0],
            PLACE[1],
            PLACE[2],
            PLACE[3],
            // Added after the first release: appended, so positions hold.
            ("score_rate_pct", Dec),
            ("completion_rate_pct", Dec),
        ],
    },
    Spec {
        name: "targets",
        columns: &[
            KEY[0],
            KEY[1],
            ("row_index", Int),
            ("level1", Text),
            ("level2", Text),
            ("level3", Text),
            ("target", Text),
            ("actual", Text),
            PLACE[0],
            PLACE[1],
            PLACE[2],
            PLACE[3],
        ],
    },
    Spec {
        name: "line_items",
        columns: &[
            KEY[0],
            KEY[1],
            ("row_index", Int),
            ("seq", Text),
            ("name", Text),
            ("budget", Dec),
            ("executed", Dec),
            ("score", Dec),
            PLACE[0],
            PLACE[1],
            PLACE[2],
            PLACE[3],
            // Added after the first release: appended, so positions hold.
            ("execution_rate_pct", Dec),
            ("share_pct", Dec),
        ],
    },
    Spec {
        name: "findings",
        columns: &[
            KEY[0],
            KEY[1],
            ("finding_index", Int),
            ("rule", Text),
            ("severity", Text),
            ("message", Text),
            ("stated", Dec),
            ("computed", Dec),
            ("unit", Text),
            PLACE[0],
            PLACE[1],
            PLACE[2],
            PLACE[3],
            ("text", Text),
        ],
    },
    Spec {
        name: "facts",
        columns: &[
            KEY[0],
            KEY[1],
            ("fact_index", Int),
            ("label", Text),
            ("value", Dec),
            ("decimals", Int),
            ("unit", Text),
            ("yuan", Dec),
            ("kind", Text),
            ("role", Text),
            ("scope", Text),
            PLACE[0],
            PLACE[1],
            PLACE[2],
            PLACE[3],
            // Appended: `约1200元`, `300人左右` (absent from the line when false).
            ("approximate", Text),
        ],
    },
    // A budget table's or form's fund block: its total and breakdown rows.
    Spec {
        name: "budget_rows",
        columns: &[
            KEY[0],
            KEY[1],
            ("row_index", Int),
            ("label", Text),
            ("group", Text),
            ("is_total", Text),
            ("scope", Text),
            ("initial", Dec),
            ("adjustment", Dec),
            ("adjusted", Dec),
            ("available", Dec),
            ("executed", Dec),
            ("execution_rate_pct", Dec),
            ("weight", Dec),
            ("score", Dec),
            ("printed_unit", Text),
            PLACE[0],
            PLACE[1],
            PLACE[2],
            PLACE[3],
            // Added after the first release: appended, so positions hold.
            ("received_rate_pct", Dec),
        ],
    },
];

/// The names of the tables written, in order.
pub fn table_names() -> Vec<&'static str> {
    SPECS.iter().map(|s| s.name).collect()
}

fn field(v: &Value, kind: Kind) -> Field {
    match (v, kind) {
        (Value::Null, _) => Field::Null,
        (Value::Number(n), Kind::Dec) => Decimal::from_str(&n.to_string())
            .or_else(|_| Decimal::from_scientific(&n.to_string()))
            .map_or(Field::Null, Field::Dec),
        (Value::Number(n), Kind::Int) => n.as_i64().map_or(Field::Null, Field::Int),
        (Value::String(s), _) => Field::Text(s.clone()),
        (Value::Array(items), Kind::Text) => Field::Text(
            items
                .iter()
                .filter_map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        (other, _) => Field::Text(other.to_string()),
    }
}

/// Flattens one report line into rows of each table, in `SPECS` order.
fn flatten(line: &Value) -> Vec<Vec<Vec<Field>>> {
    let mut out: Vec<Vec<Vec<Field>>> = vec![Vec::new(); SPECS.len()];
    let key = [
        field(&line["source"]["sha256"], Text),
        field(&line["source"]["part"], Int),
    ];
    let place =
        |s: &Value| -> Vec<Field> { PLACE.iter().map(|(n, k)| field(&s[*n], *k)).collect() };
    let row = |spec: usize, values: Vec<Field>| -> Vec<Field> {
        key.iter()
            .cloned()
            .chain(values)
            .take(SPECS[spec].columns.len())
            .collect()
    };
    let report = &line["report"];
    let doc = [
        field(&line["source"]["path"], Text),
        field(&line["source"]["duplicate_of"], Text),
        field(&line["source"]["format"], Text),
        field(&line["source"]["pages"], Int),
        field(&line["status"], Text),
        field(&line["error"]["code"], Text),
        field(&line["error"]["message"], Text),
        field(&report["title"], Text),
        field(&report["unit"], Text),
        field(&report["project"], Text),
        field(&report["kind"], Text),
        field(&report["fiscal_year"], Int),
        field(&report["total_score"], Dec),
        field(&report["grade"], Text),
        field(&line["warnings"], Text),
    ];
    out[0].push(row(0, doc.to_vec()));
    // A repeated input's figures are its first copy's: listed once, under that key.
    if !line["source"]["duplicate_of"].is_null() {
        return out;
    }
    let b = &line["budget"];
    if [
        "initial",
        "adjusted",
        "available",
        "executed",
        "execution_rate_pct",
    ]
    .iter()
    .any(|k| !b[*k].is_null())
    {
        out[1].push(row(
            1,
            [
                "initial",
                "adjusted",
                "available",
                "executed",
                "execution_rate_pct",
            ]
            .iter()
            .map(|k| field(&b[*k], Dec))
            .collect(),
        ));
    }
    for (t, table) in line["score_tables"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        for (r, item) in table["items"].as_array().into_iter().flatten().enumerate() {
            let mut v = vec![
                Field::Int(t as i64),
                Field::Int(r as i64),
                field(&table["title"], Text),
            ];
            v.extend(
                ["level1", "level2", "level3", "target"]
                    .iter()
                    .map(|k| field(&item[*k], Text)),
            );
            v.extend(["weight", "score"].iter().map(|k| field(&item[*k], Dec)));
            v.extend(place(&item["source"]));
            v.push(field(&item["score_rate_pct"], Dec));
            v.push(field(&item["completion_rate_pct"], Dec));
            out[2].push(row(2, v));
        }
    }
    for (r, item) in line["targets"].as_array().into_iter().flatten().enumerate() {
        let mut v = vec![Field::Int(r as i64)];
        v.extend(
            ["level1", "level2", "level3", "target", "actual"]
                .iter()
                .map(|k| field(&item[*k], Text)),
        );
        v.extend(place(&item["source"]));
        out[3].push(row(3, v));
    }
    for (r, item) in line["line_items"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let mut v = vec![
            Field::Int(r as i64),
            field(&item["seq"], Text),
            field(&item["name"], Text),
        ];
        v.extend(
            ["budget", "executed", "score"]
                .iter()
                .map(|k| field(&item[*k], Dec)),
        );
        v.extend(place(&item["source"]));
        v.extend(
            ["execution_rate_pct", "share_pct"]
                .iter()
                .map(|k| field(&item[*k], Dec)),
        );
        out[4].push(row(4, v));
    }
    for (r, f) in line["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let mut v = vec![Field::Int(r as i64)];
        v.extend(
            ["rule", "severity", "message"]
                .iter()
                .map(|k| field(&f[*k], Text)),
        );
        v.extend(["stated", "computed"].iter().map(|k| field(&f[*k], Dec)));
        v.push(field(&f["unit"], Text));
        v.extend(place(&f["location"]));
        v.push(field(&f["location"]["text"], Text));
        out[5].push(row(5, v));
    }
    for (r, f) in line["facts"].as_array().into_iter().flatten().enumerate() {
        let mut v = vec![
            Field::Int(r as i64),
            field(&f["label"], Text),
            field(&f["value"], Dec),
            field(&f["decimals"], Int),
            field(&f["unit"], Text),
            field(&f["yuan"], Dec),
        ];
        v.extend(
            ["kind", "role", "scope"]
                .iter()
                .map(|k| field(&f[*k], Text)),
        );
        v.extend(place(&f["source"]));
        let approximate = f["approximate"].as_bool().unwrap_or(false);
        v.push(Field::Text(approximate.to_string()));
        out[6].push(row(6, v));
    }
    for (r, b) in line["budget_rows"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let mut v = vec![
            Field::Int(r as i64),
            field(&b["label"], Text),
            field(&b["group"], Text),
            field(&b["is_total"], Text),
            // Absent from the line where it is the report's own (the usual case).
            Field::Text(b["scope"].as_str().unwrap_or("report").to_string()),
        ];
        v.extend(
            [
                "initial",
                "adjustment",
                "adjusted",
                "available",
                "executed",
                "execution_rate_pct",
                "weight",
                "score",
            ]
            .iter()
            .map(|k| field(&b[*k], Dec)),
        );
        v.push(field(&b["printed_unit"], Text));
        v.extend(place(&b["source"]));
        v.push(field(&b["received_rate_pct"], Dec));
        out[7].push(row(7, v));
    }
    out
}

/// Writes the flat tables for every report line of `reports` (an NDJSON file)
/// into `dir`, one file per table.
pub fn write_tables(reports: &Path, dir: &Path, format: TableFormat) -> Result<(), String> {
    let text = std::fs::File::open(reports)
        .map_err(|e| format!("cannot read {}: {e}", reports.display()))?;
    let mut sinks: Vec<Box<dyn Sink>> = Vec::new();
    for spec in SPECS {
        let ext = if format == TableFormat::Csv {
            "csv"
        } else {
            "parquet"
        };
        let path = dir.join(format!("{}.{ext}", spec.name));
        sinks.push(match format {
            TableFormat::Csv => Box::new(CsvSink::new(&path, spec)?),
            TableFormat::Parquet => Box::new(ParquetSink::new(&path, spec)?),
        });
    }
    use std::io::BufRead;
    for line in std::io::BufReader::new(text).lines() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(&line)
            .map_err(|e| format!("{}: not a report line: {e}", reports.display()))?;
        for (sink, rows) in sinks.iter_mut().zip(flatten(&value)) {
            for row in rows {
                sink.push(row)?;
            }
        }
    }
    for sink in sinks {
        sink.finish()?;
    }
    Ok(())
}

trait Sink {
    fn push(&mut self, row: Vec<Field>) -> Result<(), String>;
    fn finish(self: Box<Self>) -> Result<(), String>;
}

/// Tables are written under a temporary name and renamed when complete, so a
/// crash never leaves half a table.
fn temporary(path: &Path) -> std::path::PathBuf {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("table");
    path.with_file_name(format!(".{name}.tmp"))
}

fn put_in_place(path: &Path) -> Result<(), String> {
    std::fs::rename(temporary(path), path)
        .map_err(|e| format!("cannot move {} into place: {e}", path.display()))
}

struct CsvSink {
    writer: csv::Writer<BufWriter<File>>,
    path: std::path::PathBuf,
}

impl CsvSink {
    fn new(path: &Path, spec: &Spec) -> Result<CsvSink, String> {
        let file = File::create(temporary(path))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let mut writer = csv::Writer::from_writer(BufWriter::new(file));
        writer
            .write_record(spec.columns.iter().map(|(n, _)| *n))
            .map_err(|e| e.to_string())?;
        Ok(CsvSink {
            writer,
            path: path.to_path_buf(),
        })
    }
}

impl Sink for CsvSink {
    fn push(&mut self, row: Vec<Field>) -> Result<(), String> {
        let cells = row.into_iter().map(|f| match f {
            Field::Null => String::new(),
            Field::Text(s) => s,
            Field::Int(i) => i.to_string(),
            Field::Dec(d) => d.normalize().to_string(),
        });
        self.writer.write_record(cells).map_err(|e| e.to_string())
    }
    fn finish(mut self: Box<Self>) -> Result<(), String> {
        self.writer.flush().map_err(|e| e.to_string())?;
        put_in_place(&self.path)
    }
}

struct ParquetSink {
    writer: SerializedFileWriter<BufWriter<File>>,
    path: std::path::PathBuf,
    kinds: Vec<Kind>,
    rows: Vec<Vec<Field>>,
}

fn parquet_schema(spec: &Spec) -> Result<Type, String> {
    let mut fields = Vec::new();
    for (name, kind) in spec.columns {
        let required = matches!(*name, "sha256" | "part");
        let repetition = if required {
            parquet::basic::Repetition::REQUIRED
        } else {
            parquet::basic::Repetition::OPTIONAL
        };
        let builder = match kind {
            Kind::Text => Type::primitive_type_builder(name, PhysicalType::BYTE_ARRAY)
                .with_logical_type(Some(parquet::basic::LogicalType::String)),
            Kind::Int => Type::primitive_type_builder(name, PhysicalType::INT64),
            Kind::Dec => Type::primitive_type_builder(name, PhysicalType::FIXED_LEN_BYTE_ARRAY)
                .with_length(16)
                .with_logical_type(Some(parquet::basic::LogicalType::Decimal {
                    scale: SCALE as i32,
                    precision: 38,
                }))
                .with_precision(38)
                .with_scale(SCALE as i32),
        };
        fields.push(Arc::new(
            builder
                .with_repetition(repetition)
                .build()
                .map_err(|e| e.to_string())?,
        ));
    }
    Type::group_type_builder(spec.name)
        .with_fields(fields)
        .build()
        .map_err(|e| e.to_string())
}

impl ParquetSink {
    fn new(path: &Path, spec: &Spec) -> Result<ParquetSink, String> {
        let file = File::create(temporary(path))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::UNCOMPRESSED)
            .set_created_by("jixiao".into())
            .build();
        let writer = SerializedFileWriter::new(
            BufWriter::new(file),
            Arc::new(parquet_schema(spec)?),
            Arc::new(props),
        )
        .map_err(|e| e.to_string())?;
        Ok(ParquetSink {
            writer,
            path: path.to_path_buf(),
            kinds: spec.columns.iter().map(|(_, k)| *k).collect(),
            rows: Vec::new(),
        })
    }

    fn flush(&mut self) -> Result<(), String> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let err = |e: parquet::errors::ParquetError| e.to_string();
        let mut group = self.writer.next_row_group().map_err(err)?;
        let mut c = 0;
        while let Some(mut col) = group.next_column().map_err(err)? {
            let kind = self.kinds[c];
            let cells: Vec<&Field> = self.rows.iter().map(|r| &r[c]).collect();
            let defs: Vec<i16> = cells
                .iter()
                .map(|f| i16::from(!matches!(f, Field::Null)))
                .collect();
            match kind {
                Kind::Text => {
                    let values: Vec<ByteArray> = cells
                        .iter()
                        .filter_map(|f| {
                            if let Field::Text(s) = f {
                                Some(ByteArray::from(s.as_str()))
                            } else {
                                None
                            }
                        })
                        .collect();
                    col.typed::<ByteArrayType>()
                        .write_batch(&values, Some(&defs), None)
                        .map_err(err)?;
                }
                Kind::Int => {
                    let values: Vec<i64> = cells
                        .iter()
                        .filter_map(|f| {
                            if let Field::Int(i) = f {
                                Some(*i)
                            } else {
                                None
                            }
                        })
                        .collect();
                    col.typed::<Int64Type>()
                        .write_batch(&values, Some(&defs), None)
                        .map_err(err)?;
                }
                Kind::Dec => {
                    let values: Vec<FixedLenByteArray> = cells
                        .iter()
                        .filter_map(|f| {
                            if let Field::Dec(d) = f {
                                Some(FixedLenByteArray::from(unscaled(*d).to_be_bytes().to_vec()))
                            } else {
                                None
                            }
                        })
                        .collect();
                    col.typed::<FixedLenByteArrayType>()
                        .write_batch(&values, Some(&defs), None)
                        .map_err(err)?;
                }
            }
            col.close().map_err(err)?;
            c += 1;
        }
        group.close().map_err(err)?;
        self.rows.clear();
        Ok(())
    }
}

/// The decimal's unscaled value at `SCALE` (rounded only past ten decimals).
fn unscaled(d: Decimal) -> i128 {
    let mut d = d.round_dp(SCALE);
    d.rescale(SCALE);
    d.mantissa()
}

impl Sink for ParquetSink {
    fn push(&mut self, row: Vec<Field>) -> Result<(), String> {
        // A decimal column must hold decimals: a stray text there is dropped.
        let row = row.into_iter().zip(&self.kinds).map(|(f, k)| match (f, k) {
            (Field::Text(_), Kind::Dec | Kind::Int) => Field::Null,
            (Field::Dec(d), Kind::Int) => Field::Int(d.trunc().mantissa() as i64),
            (f, _) => f,
        });
        self.rows.push(row.collect());
        if self.rows.len() >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>) -> Result<(), String> {
        self.flush()?;
        self.writer.close().map_err(|e| e.to_string())?;
        put_in_place(&self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_keep_every_digit() {
        assert_eq!(
            unscaled(Decimal::from_str("76206800").unwrap()),
            762_068_000_000_000_000
        );
        assert_eq!(
            unscaled(Decimal::from_str("98.06").unwrap()),
            980_600_000_000
        );
        assert_eq!(unscaled(Decimal::from_str("-0.5").unwrap()), -5_000_000_000);
    }

    #[test]
    fn a_line_flattens_into_keyed_rows() {
        let line: Value = serde_json::from_str(
            r#"{"source":{"path":"a.txt","format":"txt","sha256":"ab","pages":null,"part":2},"status":"ok","error":null,
            "report":{"title":"t","unit":null,"project":null,"kind":null,"fiscal_year":2023,"total_score":97.82,"grade":null},
            "budget":{"initial":null,"adjusted":76206800,"available":null,"executed":null,"execution_rate_pct":92.8},
            "score_tables":[{"title":null,"items":[{"level1":"产出指标","level2":null,"level3":"x","target":null,"weight":6,"score":5.5,"source":{"line":12}}]}],
            "targets":[],"line_items":[],"findings":[{"rule":"score.sum","severity":"error","message":"m","stated":97.82,"computed":97.28,"unit":"分","location":{"page":1,"line":40,"text":"总分"}}],"warnings":[]}"#,
        )
        .unwrap();
        let rows = flatten(&line);
        assert_eq!(rows[0].len(), 1);
        assert!(matches!(rows[0][0][1], Field::Int(2)));
        assert!(matches!(&rows[1][0][3], Field::Dec(d) if d.to_string() == "76206800"));
        assert_eq!(rows[2].len(), 1);
        assert!(matches!(&rows[2][0][10], Field::Dec(d) if d.to_string() == "5.5"));
        assert!(matches!(&rows[5][0][6], Field::Dec(d) if d.to_string() == "97.82"));
        for (spec, table) in SPECS.iter().zip(&rows) {
            for row in table {
                assert_eq!(row.len(), spec.columns.len(), "{}", spec.name);
            }
        }
    }

    #[test]
    fn a_line_items_rate_and_share_come_after_its_first_columns() {
        let line: Value = serde_json::from_str(
            r#"{"source":{"path":"a.txt","format":"txt","sha256":"ab","pages":null,"part":null},"status":"ok","error":null,
            "report":{},"budget":{},"score_tables":[],"targets":[],"findings":[],"warnings":[],
            "line_items":[{"seq":"1","name":"道路硬化","budget":2000000,"executed":1985000,"score":null,
              "execution_rate_pct":99.25,"share_pct":49.75,"source":{"line":5}}]}"#,
        )
        .unwrap();
        let rows = flatten(&line);
        let spec = SPECS.iter().position(|s| s.name == "line_items").unwrap();
        let names: Vec<&str> = SPECS[spec].columns.iter().map(|c| c.0).collect();
        let at = |name: &str| names.iter().position(|n| *n == name).unwrap();
        // Appended: the columns of the first release keep their places.
        assert_eq!(at("score"), 7);
        assert_eq!(at("share_pct"), names.len() - 1);
        let row = &rows[spec][0];
        assert!(
            matches!(&row[at("execution_rate_pct")], Field::Dec(d) if d.to_string() == "99.25")
        );
        assert!(matches!(&row[at("share_pct")], Field::Dec(d) if d.to_string() == "49.75"));
    }
}
