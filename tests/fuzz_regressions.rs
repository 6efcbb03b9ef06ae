//! Every input a fuzzer once crashed jixiao with (`fuzz/regressions/<target>/`,
//! found by `scripts/fuzz.sh`) goes through read → extract → check without a
//! panic. Run in the test profile, so integer overflow panics too.

use std::path::Path;

#[test]
fn fuzz_crashes_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut replayed = 0;
    for target in std::fs::read_dir(&root)
        .expect("fuzz/regressions")
        .flatten()
    {
        for file in std::fs::read_dir(target.path())
            .expect("target dir")
            .flatten()
        {
            let bytes = std::fs::read(file.path()).expect("regression input");
            let _ = jixiao_pipeline::read_reports(&bytes, &jixiao_ingest::Limits::default());
            replayed += 1;
        }
    }
    assert!(
        replayed >= 1,
        "no regression inputs under {}",
        root.display()
    );
}
