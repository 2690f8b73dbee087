//! `FileSet`: IATI files and whole directories, read on every core.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

use super::reader::{line_feeds, Head};
use super::{Counts, Error, ErrorKind, Location, Reader, TransactionOutcome, TypeFilter};

/// IATI activity files to read on several threads: each thread takes the
/// next file (or part of a large file) not yet taken, streams it with a
/// [`Reader`], and folds its entries into a value of yours (a count, a total, an aggregator's
/// fork); the results come back in the order of the files.
///
/// Memory is bounded per thread: a part of a file (about 2 MiB, read
/// whole) or a [`Reader`]'s megabyte, plus the largest activity being
/// read, whatever the size of the files.
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
    /// A file of 2 MiB or more is cut into parts of 1 to 2 MiB (at least
    /// four a thread where the file allows), which the threads take in file
    /// order as they come free, each part from an activity's start tag on
    /// (found by its bytes); the part before checks, by reading up to it,
    /// that the next part started where an activity does, with the same
    /// elements open. If it did not (a `<iati-activity` inside a
    /// comment), the file is read again by one thread. Either way `step`
    /// sees each part's entries in file order, with their lines in the
    /// file, and the parts are merged in file order: the result is that of
    /// one pass.
    pub fn fold<T, I, F, M>(&self, init: I, step: F, merge: M) -> Vec<FileResult<T>>
    where
        T: Send,
        I: Fn() -> T + Sync,
        F: Fn(&mut T, TransactionOutcome) + Sync,
        M: Fn(&mut T, T),
    {
        self.fold_with(|| (), |_: &mut ()| init(), step, |_, _| {}, merge)
    }

    /// [`fold`](FileSet::fold), with a value of each thread's that `init`
    /// makes each part's value from and `done` hands a part's value back
    /// to once it is read (what parts can share on one thread: a cache).
    pub(crate) fn fold_with<S, T, N, I, F, D, M>(
        &self,
        state: N,
        init: I,
        step: F,
        done: D,
        merge: M,
    ) -> Vec<FileResult<T>>
    where
        T: Send,
        N: Fn() -> S + Sync,
        I: Fn(&mut S) -> T + Sync,
        F: Fn(&mut T, TransactionOutcome) + Sync,
        D: Fn(&mut S, &mut T) + Sync,
        M: Fn(&mut T, T),
    {
        let threads = self.threads.get();
        let plans: Vec<Plan> = self
            .files
            .iter()
            .map(|f| Plan::new(f, threads, self.min_part, &self.types))
            .collect();
        // Each part of each file: the file's index, its path, its plan.
        let tasks: Vec<(usize, &Path, &Plan, usize)> = self
            .files
            .iter()
            .zip(&plans)
            .enumerate()
            .flat_map(|(file, (path, plan))| (0..plan.parts()).map(move |part| (file, path.as_path(), plan, part)))
            .collect();
        let next = AtomicUsize::new(0);
        // Each thread reads parts into one block, in turn.
        let read_part = |s: &mut S, block: &mut Vec<u8>, path: &Path, plan: &Plan, part: usize| -> Part<T> {
            let reader = plan.reader(path, part, std::mem::take(block));
            let mut acc = init(s);
            let result = reader.and_then(|reader| {
                let mut reader = reader.types(self.types.clone());
                let read = reader
                    .by_ref()
                    .try_for_each(|entry| entry.map(|e| step(&mut acc, e)))
                    .map(|()| (*reader.counts(), reader.stop()));
                *block = reader.into_block();
                read
            });
            done(s, &mut acc);
            Part { acc, result }
        };
        // Parts are merged on this thread as they come, in file order, so
        // that no more of them wait to be merged than the threads hold.
        let mut joined: Vec<Joined<T>> = plans.iter().map(|_| Joined::default()).collect();
        std::thread::scope(|scope| {
            let (sender, parts) = std::sync::mpsc::channel::<(usize, Part<T>)>();
            let workers: Vec<_> = (0..threads.min(tasks.len()).max(1))
                .map(|_| {
                    let sender = sender.clone();
                    scope.spawn(|| {
                        let sender = sender;
                        let mut s = state();
                        let mut block = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&(_, path, plan, part)) = tasks.get(i) else {
                                break;
                            };
                            if sender
                                .send((i, read_part(&mut s, &mut block, path, plan, part)))
                                .is_err()
                            {
                                break;
                            }
                        }
                    })
                })
                .collect();
            drop(sender);
            let mut waiting = std::collections::BTreeMap::new();
            let mut due = 0;
            // Until every worker is done (or one panicked).
            for (i, part) in parts {
                waiting.insert(i, part);
                while let Some(part) = waiting.remove(&due) {
                    if let Some(&(file, _, plan, k)) = tasks.get(due) {
                        if let Some(j) = joined.get_mut(file) {
                            plan.add(j, k, part, &merge);
                        }
                    }
                    due += 1;
                }
            }
            for worker in workers {
                // A panic in `init`, `step` or `merge` is the caller's: passed on.
                worker.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
            }
        });
        let mut out = Vec::with_capacity(self.files.len());
        for (path, joined) in self.files.iter().zip(joined) {
            // When a part did not start where an activity does, the file
            // is read again whole.
            let result = joined.result().unwrap_or_else(|| {
                let mut s = state();
                let mut acc = init(&mut s);
                let result = read_whole(path, &self.types, &mut acc, &step);
                done(&mut s, &mut acc);
                result.map(|counts| (acc, counts))
            });
            out.push(FileResult {
                path: path.clone(),
                result,
            });
        }
        out
    }
}

/// Reads the whole of `path` on this thread into `acc`.
fn read_whole<T>(
    path: &Path,
    types: &TypeFilter,
    acc: &mut T,
    step: &impl Fn(&mut T, TransactionOutcome),
) -> Result<Counts, Error> {
    let mut reader = Reader::open(path)?.types(types.clone());
    for entry in reader.by_ref() {
        step(acc, entry?);
    }
    Ok(*reader.counts())
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
    /// The line feeds in each part, as the threads that read them count
    /// them: a part's first line is 1 + those of the parts before it.
    lines: Mutex<Vec<Option<u64>>>,
    /// Signalled when a part's line feeds are counted.
    counted: Condvar,
}

/// Files smaller than two parts of this are read whole.
const MIN_PART: u64 = 1 << 20;

/// Parts are at most about this large (an activity more), so that the
/// threads stay busy to the end and a part read whole fits in memory.
const MAX_PART: u64 = 2 << 20;

/// Parts are at least this many a thread (when they can be at least
/// [`MIN_PART`]).
const PARTS_PER_THREAD: u64 = 4;

impl Plan {
    fn whole() -> Plan {
        Plan::cut(Vec::new(), None)
    }

    fn cut(starts: Vec<u64>, head: Option<Head>) -> Plan {
        Plan {
            lines: Mutex::new(vec![None; starts.len() + 1]),
            starts,
            head,
            counted: Condvar::new(),
        }
    }

    /// Cuts `path` into parts of at most [`MAX_PART`] (at least
    /// [`PARTS_PER_THREAD`] a thread, each at least `min_part`), each
    /// starting at an activity's start tag; one part for one thread, when
    /// the file is small or when anything is odd (the reader then says
    /// what).
    fn new(path: &Path, threads: usize, min_part: u64, types: &TypeFilter) -> Plan {
        let len = std::fs::metadata(path).map_or(0, |m| m.len());
        let threads = threads as u64;
        let parts = len
            .div_ceil(MAX_PART)
            .max(threads.saturating_mul(PARTS_PER_THREAD))
            .min(len / min_part);
        if parts < 2 || threads < 2 {
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
        let Ok(mut file) = File::open(path) else {
            return Plan::whole();
        };
        let mut starts: Vec<u64> = Vec::new();
        for k in 1..parts {
            let from = (len / parts * k).max(starts.last().map_or(first, |s| s + 1));
            match find_activity(&mut file, from) {
                Some(at) if at < len => starts.push(at),
                _ => break,
            }
        }
        starts.dedup();
        Plan::cut(starts, Some(head))
    }

    fn parts(&self) -> usize {
        self.starts.len() + 1
    }

    /// The reader of part `k`, reading it through `block`. The part after
    /// the first is read whole at once, its line feeds counted for the
    /// parts after it, and the reader starts from it once the parts before
    /// it are counted, at the line they make.
    fn reader(&self, path: &Path, k: usize, mut block: Vec<u8>) -> Result<Reader<File>, Error> {
        let io = |e| Error::new(ErrorKind::Io(e)).in_file(path);
        let until = self.starts.get(k).copied();
        let (Some(&start), Some(head)) = (k.checked_sub(1).and_then(|i| self.starts.get(i)), &self.head) else {
            // The first part (or the whole file), read from the start.
            if let Some(until) = until {
                let lines = File::open(path).and_then(|mut f| count_lines(&mut f, until));
                self.count(0, lines.as_ref().map_or(0, |n| *n));
                return Ok(Reader::open(path)?.until(until));
            }
            return Reader::open(path);
        };
        let loaded = File::open(path).and_then(|mut file| {
            file.seek(SeekFrom::Start(start))?;
            block.clear();
            let want = match until {
                Some(u) => u.saturating_sub(start),
                None => file.metadata()?.len().saturating_sub(start),
            };
            // Room for the part exactly, so that reading it to its end
            // does not double the block.
            block.reserve(usize::try_from(want).unwrap_or(0));
            (&mut file).take(want).read_to_end(&mut block)?;
            if until.is_none() {
                // The file may have grown since it was cut.
                file.read_to_end(&mut block)?;
            }
            Ok(file)
        });
        // Counted whatever happens, so that no part waits for this one in vain.
        self.count(k, loaded.as_ref().map_or(0, |_| line_feeds(&block)));
        let file = loaded.map_err(io)?;
        let base = Location {
            offset: start,
            line: 1 + self.lines_before(k),
        };
        Ok(Reader::part(file, head, base, until, block, until.is_none()).named(path))
    }

    /// Records the line feeds of part `k`.
    fn count(&self, k: usize, lines: u64) {
        let mut all = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(slot) = all.get_mut(k) {
            *slot = Some(lines);
        }
        self.counted.notify_all();
    }

    /// The line feeds of the parts before part `k`, once all are counted
    /// (each is, by the thread that took it, before it reads it).
    fn lines_before(&self, k: usize) -> u64 {
        let mut all = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let before = all.get(..k).unwrap_or_default();
            if let Some(n) = before.iter().try_fold(0u64, |sum, n| Some(sum.saturating_add((*n)?))) {
                return n;
            }
            all = self.counted.wait(all).unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Merges part `k` into the parts before it (all merged), unless one
    /// of them failed or did not stop where the next part starts.
    fn add<T>(&self, joined: &mut Joined<T>, k: usize, part: Part<T>, merge: &impl Fn(&mut T, T)) {
        if joined.failed.is_some() || joined.again {
            return;
        }
        let (counts, stop) = match part.result {
            Ok(r) => r,
            // The first error in file order, once the parts before it
            // have been checked.
            Err(e) => {
                joined.failed = Some(e);
                return;
            }
        };
        match (self.starts.get(k), stop) {
            (Some(&next), Some((at, head))) if at == next && Some(&head) == self.head.as_ref() => {}
            (None, None) => {}
            _ => {
                joined.again = true;
                return;
            }
        }
        match joined.merged.as_mut() {
            None => joined.merged = Some((part.acc, counts)),
            Some((acc, total)) => {
                merge(acc, part.acc);
                total.merge(&counts);
            }
        }
    }
}

/// The parts of a file read so far, merged in file order.
struct Joined<T> {
    merged: Option<(T, Counts)>,
    /// The first error, in file order.
    failed: Option<Error>,
    /// Whether a part did not start where the part before it stopped.
    again: bool,
}

impl<T> Default for Joined<T> {
    fn default() -> Joined<T> {
        Joined {
            merged: None,
            failed: None,
            again: false,
        }
    }
}

impl<T> Joined<T> {
    /// The file's result; `None` when it is to be read again whole.
    fn result(self) -> Option<Result<(T, Counts), Error>> {
        match (self.failed, self.again) {
            (Some(e), false) => Some(Err(e)),
            (None, false) => self.merged.map(Ok),
            (_, true) => None,
        }
    }
}

/// The offset of the first `<iati-activity` start tag at or after `from`
/// in `file` (by its bytes: the part before checks it is one).
fn find_activity(file: &mut File, from: u64) -> Option<u64> {
    const TAG: &[u8] = b"<iati-activity";
    // Activities are a few kilobytes: most tags are in the first chunk.
    const CHUNK: u64 = 64 << 10;
    file.seek(SeekFrom::Start(from)).ok()?;
    let mut buf = Vec::new();
    let mut base = from;
    loop {
        buf.clear();
        let n = (&mut *file).take(CHUNK).read_to_end(&mut buf).ok()?;
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
        if (n as u64) < CHUNK {
            return None; // the end of the file
        }
        // Keep the last bytes, where a tag may start.
        base += (n - TAG.len()) as u64;
        file.seek(SeekFrom::Start(base)).ok()?;
    }
}

/// Line feeds in the first `upto` bytes of `file`.
fn count_lines(file: &mut File, upto: u64) -> std::io::Result<u64> {
    let mut buf = vec![0; 64 << 10];
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
        lines += line_feeds(chunk.get(..n).unwrap_or_default());
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

    /// A file of `n` activities, each over several lines.
    fn activities(n: usize) -> String {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n");
        for i in 0..n {
            xml.push_str(&format!(
                " <iati-activity default-currency=\"EUR\">\n  <iati-identifier>A-{i}</iati-identifier>\n\
                 \x20 <title><narrative>Activity {i}</narrative></title>\n\
                 \x20 <transaction>\n   <transaction-type code=\"3\"/>\n   <value value-date=\"2021-06-07\">{i}</value>\n  </transaction>\n\
                 \x20</iati-activity>\n"
            ));
        }
        xml.push_str("</iati-activities>\n");
        xml
    }

    /// `line L, byte B` of `at` in `xml`.
    fn place(xml: &[u8], at: usize) -> String {
        let line = 1 + xml[..at].iter().filter(|&&b| b == b'\n').count();
        format!("line {line}, byte {at}")
    }

    #[test]
    fn errors_in_later_parts_name_their_place_in_the_file() {
        let dir = std::env::temp_dir().join(format!("statecraft-iati-places-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = activities(200);
        // An end tag that closes nothing, in activity 150 (a middle part).
        let mismatched = good.replace(
            "<iati-identifier>A-150</iati-identifier>",
            "<iati-identifier>A-150</iati-identifier></x>",
        );
        let at = mismatched.find("</x>").unwrap();
        let mismatched_place = format!(
            "{} (activity `A-150`): `</x>` closes `<iati-activity>`",
            place(mismatched.as_bytes(), at)
        );
        // Truncated inside activity 190: the error is at the end of the file.
        let truncated = good[..good.find("<narrative>Activity 190").unwrap()].to_string();
        let truncated_place = format!("{} (activity `A-190`)", place(truncated.as_bytes(), truncated.len()));
        // A byte that is not UTF-8, in activity 120's title.
        let mut bad_byte = good.clone().into_bytes();
        let at = good.find("Activity 120<").unwrap() + "Activity 1".len();
        bad_byte[at] = 0xFF;
        let bad_byte_place = format!("{} (activity `A-120`)", place(&bad_byte, at));
        let cases: [(&str, usize, Vec<u8>, String); 3] = [
            (
                "mismatched.xml",
                mismatched.find("</x>").unwrap(),
                mismatched.clone().into_bytes(),
                mismatched_place,
            ),
            (
                "truncated.xml",
                truncated.len(),
                truncated.clone().into_bytes(),
                truncated_place,
            ),
            ("bad-byte.xml", at, bad_byte, bad_byte_place),
        ];
        for (name, fault, xml, expected) in &cases {
            let path = dir.join(name);
            std::fs::write(&path, xml).unwrap();
            let whole = entries(&FileSet::new([&path]).unwrap().threads(1));
            let err = whole[0].as_ref().unwrap_err();
            assert!(
                err.starts_with(&format!("`{}`: {expected}", path.display())),
                "{name}: {err}"
            );
            for (threads, min_part) in [(2, 900), (3, 2_500), (2, xml.len() as u64 / 2 - 100)] {
                let plan = Plan::new(&path, threads, min_part, &TypeFilter::default());
                assert!(plan.parts() >= 2, "{name}: {threads} threads, parts of {min_part}");
                assert!(
                    plan.starts[0] < *fault as u64,
                    "{name}: the fault is past the first part"
                );
                let files = FileSet::new([&path]).unwrap().threads(threads).min_part(min_part);
                assert_eq!(entries(&files), whole, "{name}: {threads} threads, parts of {min_part}");
            }
        }
        // The good file, in many parts, reads as one pass, its lines those
        // of the file.
        let path = dir.join("good.xml");
        std::fs::write(&path, &good).unwrap();
        let whole = entries(&FileSet::new([&path]).unwrap().threads(1));
        let split = FileSet::new([&path]).unwrap().threads(2).min_part(700);
        assert!(Plan::new(&path, 2, 700, &TypeFilter::default()).parts() >= 8);
        assert_eq!(entries(&split), whole);
        let last = good.rfind("<transaction>").unwrap();
        let line = 1 + good[..last].matches('\n').count();
        let (entries, _) = whole[0].as_ref().unwrap();
        let at = format!("at: Location {{ offset: {last}, line: {line} }}");
        assert!(entries[199].contains(&at), "{}", entries[199]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
