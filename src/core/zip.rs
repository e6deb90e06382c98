//! A zip archive of stored (uncompressed) files: what "Download the data"
//! needs, in a hundred lines instead of a zip library. The files are a few small
//! CSVs and texts, so nothing is gained by deflate; the library brought 16 KB of
//! CRC tables and its own error strings into the Wasm (issue #11, weight).
//!
//! The layout is the plain one every unzip reads (APPNOTE.TXT 6.3): a local
//! header and the bytes of each file, then the central directory, then its end
//! record. Names are UTF-8 (flag bit 11); times are 1980-01-01 00:00, the
//! format's zero, as the reader's clock says nothing about the data.

/// CRC-32 (ISO-HDLC, as zip and gzip use) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in bytes {
        c = CRC_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// Why an archive could not be made: only sizes the plain format cannot say
/// (a file or the archive over 4 GB, or over 65,535 files; zip64 is not written).
#[derive(Debug, PartialEq)]
pub struct TooBig;

/// Files added one by one, then [`Zip::finish`] for the archive's bytes.
#[derive(Default)]
pub struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    count: usize,
}

/// Version 2.0: what stored files with UTF-8 names need.
const VERSION: u16 = 20;
/// Bit 11: the names are UTF-8.
const UTF8: u16 = 1 << 11;
/// 1980-01-01 in MS-DOS date form (year since 1980 << 9 | month << 5 | day).
const DOS_DATE: u16 = (1 << 5) | 1;

fn u16_at(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn u32_at(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

impl Zip {
    pub fn new() -> Zip {
        Zip::default()
    }

    /// Adds a file at `name` (folders with `/`) holding `bytes`.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), TooBig> {
        let size = u32::try_from(bytes.len()).map_err(|_| TooBig)?;
        let offset = u32::try_from(self.out.len()).map_err(|_| TooBig)?;
        let name_len = u16::try_from(name.len()).map_err(|_| TooBig)?;
        // The archive once this file is in, with its directory and end record: its offsets must fit 32 bits.
        let after = self.out.len() + 30 + name.len() + bytes.len() + self.central.len() + 46 + name.len() + 22;
        if self.count == u16::MAX as usize || u32::try_from(after).is_err() {
            return Err(TooBig);
        }
        let crc = crc32(bytes);
        // What the local header and the directory entry share, from "version needed" to the name's length.
        let mut common = Vec::with_capacity(26);
        u16_at(&mut common, VERSION);
        u16_at(&mut common, UTF8);
        u16_at(&mut common, 0); // stored
        u16_at(&mut common, 0); // time 00:00:00
        u16_at(&mut common, DOS_DATE);
        u32_at(&mut common, crc);
        u32_at(&mut common, size); // compressed: the same
        u32_at(&mut common, size);
        u16_at(&mut common, name_len);
        u16_at(&mut common, 0); // no extra field

        u32_at(&mut self.out, 0x0403_4b50);
        self.out.extend_from_slice(&common);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(bytes);

        u32_at(&mut self.central, 0x0201_4b50);
        u16_at(&mut self.central, VERSION); // made by: MS-DOS attributes, version 2.0
        self.central.extend_from_slice(&common);
        u16_at(&mut self.central, 0); // no comment
        u16_at(&mut self.central, 0); // disk 0
        u16_at(&mut self.central, 0); // internal attributes
        u32_at(&mut self.central, 0); // external attributes
        u32_at(&mut self.central, offset);
        self.central.extend_from_slice(name.as_bytes());
        self.count += 1;
        Ok(())
    }

    /// The archive: the files, their directory and its end record.
    pub fn finish(mut self) -> Result<Vec<u8>, TooBig> {
        let at = u32::try_from(self.out.len()).map_err(|_| TooBig)?;
        let size = u32::try_from(self.central.len()).map_err(|_| TooBig)?;
        let count = self.count as u16;
        self.out.append(&mut self.central);
        u32_at(&mut self.out, 0x0605_4b50);
        u16_at(&mut self.out, 0); // this disk
        u16_at(&mut self.out, 0); // the directory's disk
        u16_at(&mut self.out, count);
        u16_at(&mut self.out, count);
        u32_at(&mut self.out, size);
        u32_at(&mut self.out, at);
        u16_at(&mut self.out, 0); // no comment
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn crc_of_the_check_string() {
        // The check value every CRC-32/ISO-HDLC implementation gives for "123456789".
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    /// A zip library reads back every name and byte, and checks every CRC.
    #[test]
    fn a_zip_library_reads_what_was_written() {
        let files: Vec<(String, Vec<u8>)> = vec![
            ("README.txt".into(), b"hello\n".to_vec()),
            ("series/ORCL.csv".into(), "\u{FEFF}date,value\n2025-09-10,324.63\n".into()),
            ("series/سلسلة.csv".into(), "تاريخ\n".into()),
            ("empty.txt".into(), vec![]),
            ("big.bin".into(), (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect()),
        ];
        let mut z = Zip::new();
        for (n, b) in &files {
            z.add(n, b).unwrap();
        }
        let bytes = z.finish().unwrap();
        let mut a = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(a.len(), files.len());
        for (i, (n, b)) in files.iter().enumerate() {
            let mut f = a.by_index(i).unwrap();
            assert_eq!(f.name(), n);
            assert_eq!(f.compression(), ::zip::CompressionMethod::Stored);
            let mut got = Vec::new();
            f.read_to_end(&mut got).unwrap();
            assert_eq!(&got, b, "{n}");
        }
    }

    #[test]
    fn an_empty_archive_is_just_its_end_record() {
        let bytes = Zip::new().finish().unwrap();
        assert_eq!(bytes.len(), 22);
        assert_eq!(::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap().len(), 0);
    }
}
