import ChatDomain
import Crypto
import Foundation

/// Decides what a file is from its bytes (magic numbers), never from its name alone, and
/// reads what is cheap to know: an image's size in pixels, a PDF's pages, a WAV's length.
///
/// Every byte is untrusted: headers are read with bounds checks, and a header that does not
/// parse only leaves the figure unknown.
public enum AttachmentSniffer {
  /// What the bytes are: media type and kind; `nil` for binary data of an unknown kind.
  public struct Sniffed: Sendable, Hashable {
    public var mediaType: String
    public var kind: AttachmentKind
    public var width: Int?
    public var height: Int?
    public var pageCount: Int?
    public var durationMilliseconds: Int?
  }

  /// The attachment for `data` named `name`, or `nil` when the bytes are of no kind orchat
  /// can send.
  public static func attachment(name: String, data: Data) -> AttachmentFile? {
    guard let sniffed = sniff(data) else { return nil }
    let attachment = Attachment(
      sha256: sha256(data), name: name, mediaType: sniffed.mediaType, kind: sniffed.kind,
      byteCount: data.count, width: sniffed.width, height: sniffed.height,
      pageCount: sniffed.pageCount, durationMilliseconds: sniffed.durationMilliseconds)
    return AttachmentFile(attachment: attachment, data: data)
  }

  /// The SHA-256 of `data`, as 64 lowercase hex digits.
  public static func sha256(_ data: Data) -> String {
    SHA256.hash(data: data).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }

  public static func sniff(_ data: Data) -> Sniffed? {
    let bytes = [UInt8](data.prefix(64 * 1024))
    if let image = image(bytes) { return image }
    if starts(bytes, with: Array("%PDF-".utf8)) {
      return Sniffed(mediaType: "application/pdf", kind: .pdf, pageCount: pdfPages(data))
    }
    if starts(bytes, with: Array("RIFF".utf8)), bytes.count >= 12,
      Array(bytes[8..<12]) == Array("WAVE".utf8)
    {
      return Sniffed(mediaType: "audio/wav", kind: .audio, durationMilliseconds: wavDuration(bytes))
    }
    if isMP3(bytes) { return Sniffed(mediaType: "audio/mpeg", kind: .audio) }
    if isText(data) { return Sniffed(mediaType: "text/plain", kind: .text) }
    return nil
  }

  // MARK: - Images

  private static func image(_ b: [UInt8]) -> Sniffed? {
    if starts(b, with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      // The IHDR chunk comes first: width and height, big-endian, at 16 and 20.
      let size =
        b.count >= 24 && Array(b[12..<16]) == Array("IHDR".utf8)
        ? (bigEndian(b, 16, 4), bigEndian(b, 20, 4)) : nil
      return Sniffed(mediaType: "image/png", kind: .image, width: size?.0, height: size?.1)
    }
    if starts(b, with: [0xFF, 0xD8, 0xFF]) {
      let size = jpegSize(b)
      return Sniffed(mediaType: "image/jpeg", kind: .image, width: size?.0, height: size?.1)
    }
    if starts(b, with: Array("GIF87a".utf8)) || starts(b, with: Array("GIF89a".utf8)) {
      let size = b.count >= 10 ? (littleEndian(b, 6, 2), littleEndian(b, 8, 2)) : nil
      return Sniffed(mediaType: "image/gif", kind: .image, width: size?.0, height: size?.1)
    }
    if starts(b, with: Array("RIFF".utf8)), b.count >= 16, Array(b[8..<12]) == Array("WEBP".utf8) {
      let size = webpSize(b)
      return Sniffed(mediaType: "image/webp", kind: .image, width: size?.0, height: size?.1)
    }
    return nil
  }

  /// Walks the JPEG segments to the first start-of-frame marker.
  private static func jpegSize(_ b: [UInt8]) -> (Int, Int)? {
    var index = 2
    while index + 9 < b.count {
      guard b[index] == 0xFF else { return nil }
      let marker = b[index + 1]
      if marker == 0xFF {
        index += 1
        continue
      }
      if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
        index += 2
        continue
      }
      let length = bigEndian(b, index + 2, 2)
      let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
      if isFrame {
        let height = bigEndian(b, index + 5, 2)
        let width = bigEndian(b, index + 7, 2)
        return width > 0 && height > 0 ? (width, height) : nil
      }
      guard length >= 2 else { return nil }
      index += 2 + length
    }
    return nil
  }

  private static func webpSize(_ b: [UInt8]) -> (Int, Int)? {
    guard b.count >= 30 else { return nil }
    let chunk = String(decoding: b[12..<16], as: UTF8.self)
    switch chunk {
    case "VP8 ":
      // A key frame: a start code at 23, then 14-bit width and height.
      guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return nil }
      return (littleEndian(b, 26, 2) & 0x3FFF, littleEndian(b, 28, 2) & 0x3FFF)
    case "VP8L":
      guard b[20] == 0x2F else { return nil }
      let bits = littleEndian(b, 21, 4)
      return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    case "VP8X":
      return (littleEndian(b, 24, 3) + 1, littleEndian(b, 27, 3) + 1)
    default:
      return nil
    }
  }

  // MARK: - PDF, audio, text

  /// Counts page objects (`/Type /Page`, not `/Pages`) in the uncompressed part of the file;
  /// `nil` when there are none to see (their objects are compressed).
  static func pdfPages(_ data: Data) -> Int? {
    let needle = Array("/Type".utf8)
    var count = 0
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let b = raw.bindMemory(to: UInt8.self)
      var index = 0
      let end = b.count - needle.count
      while index <= end {
        if b[index] == 0x2F, b[index + 1] == 0x54, b[index + 2] == 0x79, b[index + 3] == 0x70,
          b[index + 4] == 0x65
        {
          var cursor = index + needle.count
          while cursor < b.count, [0x20, 0x0A, 0x0D, 0x09].contains(b[cursor]) { cursor += 1 }
          if cursor + 5 <= b.count, b[cursor] == 0x2F, b[cursor + 1] == 0x50,
            b[cursor + 2] == 0x61, b[cursor + 3] == 0x67, b[cursor + 4] == 0x65
          {
            let next = cursor + 5 < b.count ? b[cursor + 5] : 0x20
            if next != 0x73 { count += 1 }  // not `/Pages`
          }
          index = cursor
        } else {
          index += 1
        }
      }
    }
    return count > 0 ? count : nil
  }

  /// The length of a PCM WAV from its `fmt ` byte rate and its `data` size.
  private static func wavDuration(_ b: [UInt8]) -> Int? {
    var index = 12
    var byteRate: Int?
    while index + 8 <= b.count {
      let id = String(decoding: b[index..<index + 4], as: UTF8.self)
      let size = littleEndian(b, index + 4, 4)
      if id == "fmt ", index + 20 <= b.count { byteRate = littleEndian(b, index + 16, 4) }
      if id == "data" {
        guard let byteRate, byteRate > 0 else { return nil }
        return Int((Double(size) / Double(byteRate) * 1000).rounded())
      }
      index += 8 + size + (size & 1)
    }
    return nil
  }

  private static func isMP3(_ b: [UInt8]) -> Bool {
    if starts(b, with: Array("ID3".utf8)) { return true }
    // A frame header: 11 sync bits, MPEG version not reserved, layer III.
    guard b.count >= 4, b[0] == 0xFF, b[1] & 0xE0 == 0xE0 else { return false }
    let version = (b[1] >> 3) & 0x03
    let layer = (b[1] >> 1) & 0x03
    let bitrate = b[2] >> 4
    return version != 0x01 && layer == 0x01 && bitrate != 0x0F && bitrate != 0
      && (b[2] >> 2) & 0x03 != 0x03
  }

  /// Valid UTF-8 without NUL bytes (a NUL marks binary data in practice).
  public static func isText(_ data: Data) -> Bool {
    if data.contains(0) { return false }
    return String(validating: data, as: UTF8.self) != nil
  }

  // MARK: - Bytes

  private static func starts(_ bytes: [UInt8], with prefix: [UInt8]) -> Bool {
    bytes.count >= prefix.count && Array(bytes[0..<prefix.count]) == prefix
  }

  private static func bigEndian(_ b: [UInt8], _ offset: Int, _ count: Int) -> Int {
    guard offset >= 0, offset + count <= b.count else { return 0 }
    return b[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
  }

  private static func littleEndian(_ b: [UInt8], _ offset: Int, _ count: Int) -> Int {
    guard offset >= 0, offset + count <= b.count else { return 0 }
    return b[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
  }
}
