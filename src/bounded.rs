//! Every file dossier reads (articles, the configuration, the reading
//! state) is read through here, with bounds: the handle is opened without
//! blocking (a FIFO or a device never holds the reader up), its type and
//! size are checked on the open handle itself — not on the path, which may
//! have been swapped for a link to `/dev/zero` since it was listed — and at
//! most the size it reports, never more than the cap, is read. A file that
//! reports no size (as `/proc` files do, however much they stream) is read
//! as empty.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use thiserror::Error;

/// Which file a path named when it was listed: device and inode, so that
/// a file swapped for another one (or for a link) before it is read is
/// noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Identity {
    dev: u64,
    ino: u64,
}

impl Identity {
    /// The identity of the file `meta` describes (`None` where the
    /// platform has no inodes).
    pub fn of(meta: &std::fs::Metadata) -> Option<Self> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Self { dev: meta.dev(), ino: meta.ino() })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

/// Why a file was not read.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("cannot read: {0}")]
    Open(std::io::Error),
    #[error("skipped: not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("skipped: too large ({} MB; the limit is {} MB)", .bytes >> 20, .cap >> 20)]
    TooLarge { bytes: u64, cap: u64 },
    #[error("skipped: replaced by another file since it was listed")]
    Changed,
    #[error("cannot read: {0}")]
    Read(std::io::Error),
}

impl ReadError {
    /// Whether the file simply is not there (which the configuration and
    /// the reading state take as "none yet").
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Open(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

/// Reads at most `cap` bytes of the regular file at `path`; a larger file,
/// or anything but a regular file, is refused unread.
pub fn read(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    read_expecting(path, cap, None)
}

/// [`read`], and the file must still be the one listed (`expected`).
pub fn read_expecting(
    path: &Path,
    cap: u64,
    expected: Option<Identity>,
) -> Result<Vec<u8>, ReadError> {
    let file = open(path).map_err(ReadError::Open)?;
    let meta = file.metadata().map_err(ReadError::Open)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind(&meta)));
    }
    if expected.is_some() && Identity::of(&meta) != expected {
        return Err(ReadError::Changed);
    }
    let bytes = meta.len();
    if bytes > cap {
        return Err(ReadError::TooLarge { bytes, cap });
    }
    // The size the handle reports, not what the file may still stream.
    let mut buf = Vec::with_capacity(usize::try_from(bytes).unwrap_or(0));
    file.take(bytes).read_to_end(&mut buf).map_err(ReadError::Read)?;
    Ok(buf)
}

/// [`read`] as UTF-8 text (invalid sequences replaced).
pub fn read_to_string(path: &Path, cap: u64) -> Result<String, ReadError> {
    read(path, cap).map(|bytes| match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// Opens for reading without blocking: a FIFO with no writer would
/// otherwise hold `open` for ever, and a terminal device must not become
/// the controlling one.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

fn kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_its_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "twelve bytes").unwrap();
        assert_eq!(read(&path, 12).unwrap(), b"twelve bytes");
        assert!(matches!(read(&path, 11), Err(ReadError::TooLarge { bytes: 12, cap: 11 })));
        assert!(read(&dir.path().join("none"), 10).unwrap_err().is_not_found());
        assert!(matches!(read(dir.path(), 10), Err(ReadError::NotRegular("a folder"))));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_fifos_and_proc_files_are_never_streamed() {
        assert!(matches!(read(Path::new("/dev/zero"), 1 << 20), Err(ReadError::NotRegular(_))));
        // A /proc file reports no size however much it holds: nothing is read.
        assert_eq!(read(Path::new("/proc/self/status"), 1 << 20).unwrap(), b"");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            // No writer: a blocking open would never return.
            assert!(matches!(read(&fifo, 1 << 20), Err(ReadError::NotRegular("a FIFO"))));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_swapped_since_it_was_listed_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "first").unwrap();
        let listed = Identity::of(&std::fs::metadata(&path).unwrap());
        assert_eq!(read_expecting(&path, 100, listed).unwrap(), b"first");
        // Made while the first still exists, so that it cannot reuse its inode.
        let other = dir.path().join("other.txt");
        std::fs::write(&other, "other").unwrap();
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&other, &path).unwrap();
        assert!(matches!(read_expecting(&path, 100, listed), Err(ReadError::Changed)));
    }
}
