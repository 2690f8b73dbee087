//! `FileSet`: IATI files and whole directories, read on every core.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Counts, Entry, Error, ErrorKind, Reader, TypeFilter};

/// IATI activity files to read on several threads: each thread takes the
/// next file not yet taken, streams it with a [`Reader`], and folds its
/// entries into a value of yours (a count, a total, an aggregator's
/// fork); the results come back in the order of the files.
///
/// Memory is bounded per thread as for one [`Reader`]: about a megabyte
/// plus the largest activity being read.
///
/// ```no_run
/// use statecraft::iati::{Entry, FileSet};
///
/// let files = FileSet::new(["data/iati/"])?;
/// let results = files.fold(|| 0u64, |n, entry| if let Entry::Transaction(_) = entry { *n += 1 });
/// for file in results {
///     match file.result {
///         Ok((n, counts)) => println!("{}: {n} to sum; {counts}", file.path.display()),
///         Err(e) => eprintln!("{e}"),
///     }
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct FileSet {
    files: Vec<PathBuf>,
    threads: NonZeroUsize,
    types: TypeFilter,
}

/// What became of one file of a [`FileSet`].
#[derive(Debug)]
pub struct FileResult<T> {
    /// The file.
    pub path: PathBuf,
    /// Your value folded over its entries, and its counts; or the error
    /// that stopped it (what was folded before is dropped).
    pub result: Result<(T, Counts), Error>,
}

impl FileSet {
    /// The files at `paths`: each a file, or a directory whose `.xml`
    /// files (any case, in sub-directories too, symbolic links to
    /// directories not followed) are taken in name order.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`], naming the path, when a path or a directory
    /// cannot be read.
    pub fn new<I, P>(paths: I) -> Result<FileSet, Error>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<Path>,
    {
        let mut files = Vec::new();
        for p in paths {
            let p = p.as_ref();
            let meta = std::fs::metadata(p).map_err(|e| Error::new(ErrorKind::Io(e)).in_file(p))?;
            if meta.is_dir() {
                walk(p, &mut files)?;
            } else {
                files.push(p.to_path_buf());
            }
        }
        Ok(FileSet {
            files,
            threads: std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN),
            types: TypeFilter::default(),
        })
    }

    /// Uses `n` threads (at least 1; by default as many as the machine
    /// has cores, never more than there are files).
    pub fn threads(mut self, n: usize) -> FileSet {
        self.threads = NonZeroUsize::new(n).unwrap_or(NonZeroUsize::MIN);
        self
    }

    /// Selects the transaction types to pass (see [`Reader::types`]).
    pub fn types(mut self, filter: TypeFilter) -> FileSet {
        self.types = filter;
        self
    }

    /// The files, in the order results come back.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Reads every file, each into its own `init()` value with `step`
    /// called on each entry in file order; returns one result per file,
    /// in the order of [`files`](FileSet::files).
    pub fn fold<T, I, F>(&self, init: I, step: F) -> Vec<FileResult<T>>
    where
        T: Send,
        I: Fn() -> T + Sync,
        F: Fn(&mut T, Entry) + Sync,
    {
        let next = AtomicUsize::new(0);
        let threads = self.threads.get().min(self.files.len()).max(1);
        let read_one = |path: &Path| -> Result<(T, Counts), Error> {
            let mut reader = Reader::open(path)?.types(self.types.clone());
            let mut acc = init();
            for entry in reader.by_ref() {
                step(&mut acc, entry?);
            }
            Ok((acc, *reader.counts()))
        };
        let mut done: Vec<(usize, FileResult<T>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(path) = self.files.get(i) else { break };
                            let result = read_one(path);
                            mine.push((
                                i,
                                FileResult {
                                    path: path.clone(),
                                    result,
                                },
                            ));
                        }
                        mine
                    })
                })
                .collect();
            let mut all = Vec::with_capacity(self.files.len());
            for worker in workers {
                // A panic in `init` or `step` is the caller's: passed on.
                all.extend(worker.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            }
            all
        });
        done.sort_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, r)| r).collect()
    }
}

/// Adds the `.xml` files under `dir` to `files`, in name order.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let cannot = |e| Error::new(ErrorKind::Io(e)).in_file(dir);
    let mut entries = std::fs::read_dir(dir)
        .map_err(cannot)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(cannot)?;
    entries.sort();
    for path in entries {
        let is_link = std::fs::symlink_metadata(&path)
            .map_err(cannot)?
            .file_type()
            .is_symlink();
        if path.is_dir() {
            if !is_link {
                walk(&path, files)?;
            }
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) {
            files.push(path);
        }
    }
    Ok(())
}
