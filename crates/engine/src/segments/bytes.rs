//! LEB128 varints, the one encoding of the binary segments: small numbers
//! (day gaps, rank gaps, counts) take one byte. Text is a length and UTF-8.

/// Appends `value` seven bits a byte, lowest first.
pub fn push_number(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub fn push_text(out: &mut Vec<u8>, text: &str) {
    push_number(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// Appends ascending `values` as their gaps (the first from 0).
pub fn push_ascending(out: &mut Vec<u8>, values: &[u32]) {
    push_number(out, values.len() as u64);
    let mut previous = 0;
    for &value in values {
        push_number(out, u64::from(value - previous));
        previous = value;
    }
}

/// Reads a segment front to back; every error names the segment.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    what: &'a str,
}

impl<'a> Reader<'a> {
    /// `what` names the segment in messages ("the start columns").
    pub fn new(bytes: &'a [u8], what: &'a str) -> Reader<'a> {
        Reader { bytes, at: 0, what }
    }

    pub fn error(&self, problem: &str) -> String {
        format!("{} cannot be read: {problem} (byte {})", self.what, self.at)
    }

    pub fn number(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.error("it ends early"));
            };
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.error("a number is too long"))
    }

    /// A number that must be below `limit` (a count or an id).
    pub fn below(&mut self, limit: usize) -> Result<u32, String> {
        let value = self.number()?;
        match u32::try_from(value) {
            Ok(small) if (small as usize) < limit => Ok(small),
            _ => Err(self.error("a number is out of range")),
        }
    }

    /// A count of items that each take a byte or more: never more than
    /// the bytes left, so a corrupt count cannot ask for huge memory.
    pub fn count(&mut self) -> Result<usize, String> {
        let left = self.bytes.len() - self.at;
        Ok(self.below(left + 1)? as usize)
    }

    pub fn text(&mut self) -> Result<&'a str, String> {
        let length = self.count()?;
        let bytes = &self.bytes[self.at..self.at + length];
        self.at += length;
        std::str::from_utf8(bytes).map_err(|_| self.error("some text is not UTF-8"))
    }

    /// Ascending values below `limit`, as [`push_ascending`] wrote them.
    pub fn ascending(&mut self, limit: usize) -> Result<Vec<u32>, String> {
        let count = self.count()?;
        let mut values = Vec::with_capacity(count);
        let mut previous: u64 = 0;
        for index in 0..count {
            let gap = self.number()?;
            previous = previous.saturating_add(gap);
            if (index > 0 && gap == 0) || previous >= limit as u64 {
                return Err(self.error("a list is out of order or out of range"));
            }
            values.push(previous as u32);
        }
        Ok(values)
    }

    /// Fails unless every byte was read.
    pub fn finish(self) -> Result<(), String> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(self.error("bytes are left over"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_text_and_lists_round_trip() {
        let mut out = Vec::new();
        for value in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            push_number(&mut out, value);
        }
        push_text(&mut out, "Zugić");
        push_ascending(&mut out, &[0, 3, 200, 70_000]);
        let mut reader = Reader::new(&out, "the test segment");
        for value in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(reader.number(), Ok(value));
        }
        assert_eq!(reader.text(), Ok("Zugić"));
        assert_eq!(reader.ascending(70_001), Ok(vec![0, 3, 200, 70_000]));
        assert_eq!(reader.finish(), Ok(()));
    }

    #[test]
    fn damage_is_named() {
        let mut out = Vec::new();
        push_ascending(&mut out, &[5, 9]);
        let error = Reader::new(&out, "the test segment")
            .ascending(9)
            .unwrap_err();
        assert!(
            error.starts_with("the test segment cannot be read"),
            "{error}"
        );
        let error = Reader::new(&out[..2], "x").ascending(100).unwrap_err();
        assert!(error.contains("ends early"), "{error}");
        let mut reader = Reader::new(&[200, 1], "x");
        assert!(reader.text().is_err());
        let mut reader = Reader::new(&[0, 0], "x");
        assert_eq!(reader.number(), Ok(0));
        assert!(reader.finish().unwrap_err().contains("left over"));
    }
}
