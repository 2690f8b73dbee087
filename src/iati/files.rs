//! `FileSet`: IATI files and whole directories, read on every core.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::reader::Head;
use super::{Counts, Error, ErrorKind, Location, Reader, TransactionOutcome, TypeFilter};

/// IATI activity files to read on several threads: each thread takes the
/// next file not yet taken, streams it with a [`Reader`], and folds its
/// entries into a value of yours (a count, a total, an aggregator's
/// fork); the results come back in the order of the files.
///
/// Memory is bounded per thread as for one [`Reader`]: about a megabyte
/// plus the largest activity being read.
///
/// ```no_run
/// use statecraft::iati::{TransactionOutcome, FileSet};
///
/// let files = FileSet::new(["data/iati/"])?;
/// let results = files.fold(
///     || 0u64,
///     |n, entry| if let TransactionOutcome::Transaction(_) = entry { *n += 1 },
///     |n, more| *n += more,
/// );
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
    min_part: u64,
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
            min_part: MIN_PART,
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

    /// Cuts files into parts of at least `bytes` (tests cut small files).
    #[cfg(test)]
    pub(crate) fn min_part(mut self, bytes: u64) -> FileSet {
        self.min_part = bytes.max(1);
        self
    }

    /// The files, in the order results come back.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Reads every file into values of yours: `init()` makes one, `step`
    /// adds an entry to it, `merge` adds a later part's value to an
    /// earlier one's. Returns one result per file, in the order of
    /// [`files`](FileSet::files).
    ///
    /// A file larger than 16 MiB a thread is read by several threads, each
    /// from an activity's start tag on (found by its bytes); the part
    /// before checks, by reading up to it, that the next part started
    /// where an activity does, with the same elements open. If it did not
    /// (a `<iati-activity` inside a comment), the file is read again by one
    /// thread. Either way `step` sees each part's entries in file order,
    /// and the parts are merged in file order: the result is that of one
    /// pass.
    pub fn fold<T, I, F, M>(&self, init: I, step: F, merge: M) -> Vec<FileResult<T>>
    where
        T: Send,
        I: Fn() -> T + Sync,
        F: Fn(&mut T, TransactionOutcome) + Sync,
        M: Fn(&mut T, T),
    {
        let threads = self.threads.get();
        let plans: Vec<Plan> = self
            .files
            .iter()
            .map(|f| Plan::new(f, threads, self.min_part, &self.types))
            .collect();
        let tasks: Vec<(&Path, &Plan, usize)> = self
            .files
            .iter()
            .zip(&plans)
            .flat_map(|(path, plan)| (0..plan.parts()).map(move |part| (path.as_path(), plan, part)))
            .collect();
        let next = AtomicUsize::new(0);
        let read_part = |path: &Path, plan: &Plan, part: usize| -> Part<T> {
            let mut acc = init();
            let result = plan.reader(path, part).and_then(|reader| {
                let mut reader = reader.types(self.types.clone());
                for entry in reader.by_ref() {
                    step(&mut acc, entry?);
                }
                Ok((*reader.counts(), reader.stop()))
            });
            Part { acc, result }
        };
        let mut done: Vec<(usize, Part<T>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads.min(tasks.len()).max(1))
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&(path, plan, part)) = tasks.get(i) else { break };
                            mine.push((i, read_part(path, plan, part)));
                        }
                        mine
                    })
                })
                .collect();
            let mut all = Vec::with_capacity(tasks.len());
            for worker in workers {
                // A panic in `init`, `step` or `merge` is the caller's: passed on.
                all.extend(worker.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            }
            all
        });
        done.sort_by_key(|(i, _)| *i);
        let mut done = done.into_iter().map(|(_, p)| p);
        let mut out = Vec::with_capacity(self.files.len());
        for (path, plan) in self.files.iter().zip(&plans) {
            let parts: Vec<Part<T>> = done.by_ref().take(plan.parts()).collect();
            // When a part did not start where an activity does, the file
            // is read again whole.
            let result = plan
                .join(parts, &merge)
                .unwrap_or_else(|| read_whole(path, &self.types, &init, &step));
            out.push(FileResult {
                path: path.clone(),
                result,
            });
        }
        out
    }
}

/// Reads the whole of `path` on this thread.
fn read_whole<T>(
    path: &Path,
    types: &TypeFilter,
    init: &impl Fn() -> T,
    step: &impl Fn(&mut T, TransactionOutcome),
) -> Result<(T, Counts), Error> {
    let mut acc = init();
    let mut reader = Reader::open(path)?.types(types.clone());
    for entry in reader.by_ref() {
        step(&mut acc, entry?);
    }
    Ok((acc, *reader.counts()))
}

/// What one thread read of a file.
struct Part<T> {
    acc: T,
    result: Result<(Counts, Option<(u64, Head)>), Error>,
}

/// How a file is cut into parts.
struct Plan {
    /// The offsets where parts after the first start (each an activity's
    /// start tag), increasing.
    starts: Vec<u64>,
    /// What comes before the first activity.
    head: Option<Head>,
}

/// Parts are at least this large.
const MIN_PART: u64 = 16 << 20;

impl Plan {
    fn whole() -> Plan {
        Plan {
            starts: Vec::new(),
            head: None,
        }
    }

    /// Cuts `path` into up to `threads` parts, each starting at an
    /// activity's start tag; one part when the file is small or anything
    /// is odd (the reader then says what).
    fn new(path: &Path, threads: usize, min_part: u64, types: &TypeFilter) -> Plan {
        let len = std::fs::metadata(path).map_or(0, |m| m.len());
        let parts = usize::try_from(len / min_part).unwrap_or(usize::MAX).min(threads);
        if parts < 2 {
            return Plan::whole();
        }
        // Read up to the first activity, for the context every part shares.
        let Ok(reader) = Reader::open(path) else {
            return Plan::whole();
        };
        let mut reader = reader.types(types.clone()).until(0);
        if reader.by_ref().any(|e| e.is_err()) {
            return Plan::whole();
        }
        let Some((first, head)) = reader.stop() else {
            return Plan::whole();
        };
        let mut starts = Vec::new();
        for k in 1..parts {
            let from = (len / parts as u64 * k as u64).max(starts.last().map_or(first, |s| s + 1));
            match find_activity(path, from) {
                Some(at) if at < len => starts.push(at),
                _ => break,
            }
        }
        starts.dedup();
        Plan {
            starts,
            head: Some(head),
        }
    }

    fn parts(&self) -> usize {
        self.starts.len() + 1
    }

    /// The reader of part `k`.
    fn reader(&self, path: &Path, k: usize) -> Result<Reader<File>, Error> {
        let until = self.starts.get(k).copied();
        let reader = match (k.checked_sub(1).and_then(|i| self.starts.get(i)), &self.head) {
            (Some(&start), Some(head)) => {
                let mut file = File::open(path).map_err(|e| Error::new(ErrorKind::Io(e)).in_file(path))?;
                let line = 1 + count_lines(&mut file, start).map_err(|e| Error::new(ErrorKind::Io(e)).in_file(path))?;
                file.seek(SeekFrom::Start(start))
                    .map_err(|e| Error::new(ErrorKind::Io(e)).in_file(path))?;
                Reader::part(file, head, Location { offset: start, line }, until).named(path)
            }
            _ => Reader::open(path)?,
        };
        Ok(match until {
            Some(u) if k == 0 => reader.until(u),
            _ => reader,
        })
    }

    /// The parts' results, merged in file order; `None` when a part did
    /// not start where the part before it stopped (read the file whole).
    fn join<T>(&self, parts: Vec<Part<T>>, merge: &impl Fn(&mut T, T)) -> Option<Result<(T, Counts), Error>> {
        let mut merged: Option<(T, Counts)> = None;
        for (k, part) in parts.into_iter().enumerate() {
            let (counts, stop) = match part.result {
                Ok(r) => r,
                // The first error in file order, once the parts before it
                // have been checked.
                Err(e) => return Some(Err(e)),
            };
            match (self.starts.get(k), stop) {
                (Some(&next), Some((at, head))) if at == next && Some(&head) == self.head.as_ref() => {}
                (None, None) => {}
                _ => return None,
            }
            match merged.as_mut() {
                None => merged = Some((part.acc, counts)),
                Some((acc, total)) => {
                    merge(acc, part.acc);
                    total.merge(&counts);
                }
            }
        }
        merged.map(Ok)
    }
}

/// The offset of the first `<iati-activity` start tag at or after `from`
/// (by its bytes: the part before checks it is one).
fn find_activity(path: &Path, from: u64) -> Option<u64> {
    const TAG: &[u8] = b"<iati-activity";
    let mut file = File::open(path).ok()?;
    file.seek(SeekFrom::Start(from)).ok()?;
    let mut buf = Vec::new();
    let mut base = from;
    loop {
        buf.clear();
        let n = (&mut file).take(1 << 20).read_to_end(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        let mut i = 0;
        while let Some(j) = memchr::memmem::find(buf.get(i..)?, TAG) {
            let at = i + j;
            match buf.get(at + TAG.len()) {
                Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/') => return Some(base + at as u64),
                // Cut by the end of the buffer: look again from the tag.
                None => break,
                Some(_) => i = at + 1,
            }
        }
        if n < 1 << 20 {
            return None; // the end of the file
        }
        // Keep the last bytes, where a tag may start.
        base += (n - TAG.len()) as u64;
        file.seek(SeekFrom::Start(base)).ok()?;
    }
}

/// Line feeds in the first `upto` bytes of `file`.
fn count_lines(file: &mut File, upto: u64) -> std::io::Result<u64> {
    let mut buf = vec![0; 1 << 20];
    let mut left = upto;
    let mut lines = 0u64;
    file.seek(SeekFrom::Start(0))?;
    while left > 0 {
        let want = usize::try_from(left.min(buf.len() as u64)).unwrap_or(buf.len());
        let chunk = buf.get_mut(..want).unwrap_or_default();
        let n = file.read(chunk)?;
        if n == 0 {
            break;
        }
        lines += memchr::memchr_iter(b'\n', chunk.get(..n).unwrap_or_default()).count() as u64;
        left -= n as u64;
    }
    Ok(lines)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn data(path: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
    }

    /// Every entry (or the error) of each file, through `files`.
    fn entries(files: &FileSet) -> Vec<Result<(Vec<String>, Counts), String>> {
        files
            .fold(Vec::new, |v, e| v.push(format!("{e:?}")), |v, more| v.extend(more))
            .into_iter()
            .map(|r| r.result.map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn parts_read_as_one_pass() {
        let paths = [
            data("tests/data/iati/dportal-covid19-2.03-part-a.xml"),
            data("tests/data/iati/gb-dfid-drc-1.01.xml"),
            data("tests/data/iati/quirks/declared-windows-1252.xml"),
        ];
        let whole = entries(&FileSet::new(&paths).unwrap().threads(1).types(TypeFilter::all()));
        assert!(whole.iter().all(Result::is_ok));
        for (threads, min_part) in [(2, 400_000), (4, 100_000), (7, 1000), (3, 50)] {
            let files = FileSet::new(&paths)
                .unwrap()
                .threads(threads)
                .min_part(min_part)
                .types(TypeFilter::all());
            let plan = Plan::new(&paths[0], threads, min_part, &TypeFilter::all());
            assert!(plan.parts() > 1, "{threads} threads, parts of {min_part}");
            assert_eq!(entries(&files), whole, "{threads} threads, parts of {min_part}");
        }
    }

    #[test]
    fn a_cut_in_a_comment_reads_the_file_again() {
        let dir = std::env::temp_dir().join(format!("statecraft-iati-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let activity = |i: usize| {
            format!(
                "<iati-activity default-currency=\"EUR\"><iati-identifier>A-{i}</iati-identifier>\
                 <transaction><transaction-type code=\"3\"/><value value-date=\"2021-06-07\">{i}</value></transaction>\
                 </iati-activity>\n"
            )
        };
        let file = |comment: bool, broken: bool| {
            let mut xml = String::from("<iati-activities>\n");
            let mut comment_at = 0;
            for i in 0..100 {
                if comment && i == 51 {
                    // Just after the middle of the file: a tag in a comment.
                    comment_at = xml.len();
                    xml.push_str("<!-- <iati-activity > was here -->\n");
                }
                xml.push_str(&activity(i));
            }
            xml.push_str("</iati-activities>\n");
            if broken {
                xml = xml.replace(
                    "<iati-identifier>A-80</iati-identifier>",
                    "<iati-identifier>A-80</iati-identifier></x>",
                );
            }
            (xml, comment_at)
        };
        let (commented, comment_at) = file(true, false);
        let (plain, _) = file(false, false);
        let (broken, _) = file(false, true);
        let paths = [dir.join("comment.xml"), dir.join("plain.xml"), dir.join("broken.xml")];
        for (path, xml) in paths.iter().zip([&commented, &plain, &broken]) {
            std::fs::write(path, xml).unwrap();
        }
        let part = (plain.len() / 2 - 100) as u64;
        let plan = Plan::new(&paths[0], 2, part, &TypeFilter::default());
        assert_eq!(plan.starts, [comment_at as u64 + 5], "the cut falls in the comment");
        let plan = Plan::new(&paths[2], 2, part, &TypeFilter::default());
        assert_eq!(plan.parts(), 2, "the error is in the second part");
        let whole = entries(&FileSet::new(&paths).unwrap().threads(1));
        let split = entries(&FileSet::new(&paths).unwrap().threads(2).min_part(part));
        assert_eq!(split, whole);
        assert_eq!(
            whole[0].as_ref().map(|(e, c)| (e.len(), c.transactions)),
            Ok((100, 100))
        );
        assert_eq!(whole[1].as_ref().map(|(_, c)| c.transactions), Ok(100));
        let err = whole[2].as_ref().unwrap_err();
        assert!(
            err.contains("(activity `A-80`): `</x>` closes `<iati-activity>`"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
