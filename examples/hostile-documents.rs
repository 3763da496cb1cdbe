//! Writes the documents `tests/hostile_documents.rs` imports (PDF bombs,
//! and the shapes of text that once made import quadratic, cut to 4 KiB)
//! into a folder: the seeds of the `import_pdf` and `import_text` fuzz
//! targets.
//!
//! `cargo run --example hostile-documents -- fuzz/seeds`

#[path = "../tests/common/documents.rs"]
mod documents;

fn main() -> Result<(), String> {
    let Some(dir) = std::env::args().nth(1) else {
        return Err("usage: hostile-documents DIR".to_string());
    };
    let dir = std::path::Path::new(&dir);
    let write = |sub: &str, name: &str, bytes: &[u8]| {
        let folder = dir.join(sub);
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        let path = folder.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    for (name, bytes) in documents::pdfs() {
        // The file of 100,000 references is large for a seed; the fuzzer
        // grows its own.
        if bytes.len() <= 64 * 1024 {
            write("import_pdf", name, &bytes)?;
        }
    }
    for (n, shape) in documents::SHAPES.iter().enumerate() {
        write(
            "import_text",
            &format!("shape-{n}.txt"),
            documents::repeated(shape, 4096).as_bytes(),
        )?;
    }
    Ok(())
}
