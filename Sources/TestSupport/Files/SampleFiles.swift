import Foundation

/// Real files of each kind orchat attaches, made byte by byte in the test (nothing is
/// copied from elsewhere): a PNG, a JPEG, a one-page PDF, a WAV, a UTF-8 source file and a
/// binary blob. Each is valid for its format, small, and deterministic.
public enum SampleFiles {
  // MARK: - PNG

  /// A `width`×`height` RGB PNG (uncompressed deflate blocks), with a gradient.
  public static func png(width: Int = 4, height: Int = 3) -> Data {
    var raw: [UInt8] = []
    for y in 0..<height {
      raw.append(0)  // filter: none
      for x in 0..<width {
        raw += [UInt8(truncatingIfNeeded: x * 40), UInt8(truncatingIfNeeded: y * 60), 200]
      }
    }
    var ihdr: [UInt8] = []
    ihdr += bigEndian32(width) + bigEndian32(height)
    ihdr += [8, 2, 0, 0, 0]  // 8-bit, truecolour, deflate, no filter, no interlace
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    bytes += chunk("IHDR", ihdr)
    bytes += chunk("IDAT", zlibStored(raw))
    bytes += chunk("IEND", [])
    return Data(bytes)
  }

  /// A PNG of about `bytes` bytes (its pixels are noise-free, the size comes from the
  /// image's width): for large-image tests.
  public static func largePNG(approximateBytes bytes: Int) -> Data {
    let width = 512
    let height = max(1, bytes / (width * 3 + 1))
    return png(width: width, height: height)
  }

  // MARK: - JPEG

  /// A 1×1 grey baseline JPEG: quantisation and Huffman tables with one code each, one
  /// block, end of image. Decodes to a single mid-grey pixel.
  public static func jpeg() -> Data {
    var b: [UInt8] = [0xFF, 0xD8]
    b += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
    b += [0xFF, 0xDB, 0x00, 0x43, 0x00] + [UInt8](repeating: 1, count: 64)
    b += [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]
    // DC table 0 and AC table 0: one code of length 1, for symbol 0.
    let counts: [UInt8] = [1] + [UInt8](repeating: 0, count: 15)
    b += [0xFF, 0xC4, 0x00, 0x14, 0x00] + counts + [0x00]
    b += [0xFF, 0xC4, 0x00, 0x14, 0x10] + counts + [0x00]
    b += [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]
    b += [0x3F]  // DC difference 0, end of block, padded with ones
    b += [0xFF, 0xD9]
    return Data(b)
  }

  // MARK: - PDF

  /// A one-page PDF saying `text`, with a correct cross-reference table.
  public static func pdf(text: String = "Hello from a test") -> Data {
    let stream = "BT /F1 24 Tf 72 720 Td (\(text)) Tj ET"
    let objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        + "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    var out = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(out.utf8.count)
      out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets {
      let digits = String(offset)
      out += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
    }
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(out.utf8)
  }

  // MARK: - WAV

  /// `milliseconds` of a 440 Hz tone, 8 kHz mono 16-bit PCM.
  public static func wav(milliseconds: Int = 250) -> Data {
    let rate = 8000
    let samples = rate * milliseconds / 1000
    var pcm: [UInt8] = []
    for index in 0..<samples {
      let value = Int16(8000 * sin(2 * Double.pi * 440 * Double(index) / Double(rate)))
      let bits = UInt16(bitPattern: value)
      pcm += [UInt8(bits & 0xFF), UInt8(bits >> 8)]
    }
    var b: [UInt8] = Array("RIFF".utf8) + littleEndian32(36 + pcm.count) + Array("WAVE".utf8)
    b += Array("fmt ".utf8) + littleEndian32(16) + [1, 0, 1, 0]  // PCM, mono
    b += littleEndian32(rate) + littleEndian32(rate * 2) + [2, 0, 16, 0]
    b += Array("data".utf8) + littleEndian32(pcm.count) + pcm
    return Data(b)
  }

  // MARK: - Text and binary

  /// A small Swift source file, with non-ASCII text and a run of backticks.
  public static let swiftSource = """
    // Greets in two languages. ``code`` in a comment.
    func greet(_ name: String) -> String {
      "Hello, \\(name)! Grüß dich, 世界"
    }

    """

  /// Bytes of no known kind: NULs and high bytes, deterministic.
  public static func blob(count: Int = 512) -> Data {
    var state: UInt32 = 0x1234_5678
    return Data(
      (0..<count).map { index in
        state = state &* 1_664_525 &+ 1_013_904_223
        return index % 7 == 0 ? 0 : UInt8(truncatingIfNeeded: state >> 24)
      })
  }

  /// Writes `data` to `name` in `directory` and returns the path.
  @discardableResult
  public static func write(_ data: Data, named name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
  }

  // MARK: - Helpers

  private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = Array(type.utf8) + data
    return bigEndian32(data.count) + body + bigEndian32(Int(crc32(body)))
  }

  /// zlib data in stored (uncompressed) deflate blocks.
  private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x78, 0x01]
    var offset = 0
    repeat {
      let length = min(65_535, data.count - offset)
      let isLast = offset + length >= data.count
      out.append(isLast ? 1 : 0)
      out += [UInt8(length & 0xFF), UInt8(length >> 8)]
      out += [UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
      out += data[offset..<offset + length]
      offset += length
    } while offset < data.count
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in data {
      a = (a + UInt32(byte)) % 65_521
      b = (b + a) % 65_521
    }
    return out + bigEndian32(Int(b << 16 | a))
  }

  private static let crcTable: [UInt32] = (0..<256).map { value in
    var c = UInt32(value)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }

  private static func bigEndian32(_ value: Int) -> [UInt8] {
    [
      UInt8((value >> 24) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
      UInt8(value & 0xFF),
    ]
  }

  private static func littleEndian32(_ value: Int) -> [UInt8] {
    bigEndian32(value).reversed()
  }
}
