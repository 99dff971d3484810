import ChatDomain
import Formatting

/// How an attachment reads on screen: `▣ diagram.png · 1280×720 · 240 KB`,
/// `▤ spec.pdf · 12 pages · 1.2 MB`, `♪ voice.wav · 0:12 · 400 KB`, `≡ main.swift · 3 KB`.
public enum AttachmentChip {
  public static func icon(_ kind: AttachmentKind) -> String {
    switch kind {
    case .image: "▣"
    case .pdf: "▤"
    case .audio: "♪"
    case .text: "≡"
    }
  }

  /// The chip's text; the name is made safe for the terminal.
  public static func text(_ attachment: Attachment) -> String {
    var parts = [icon(attachment.kind) + " " + Format.fileName(attachment.name, limit: 40)]
    if let width = attachment.width, let height = attachment.height {
      parts.append("\(width)×\(height)")
    }
    if let pages = attachment.pageCount { parts.append(pages == 1 ? "1 page" : "\(pages) pages") }
    if let milliseconds = attachment.durationMilliseconds {
      let seconds = milliseconds / 1000
      parts.append("\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)")
    }
    parts.append(Format.byteSize(attachment.byteCount))
    return parts.joined(separator: " · ")
  }

  /// The chips packed into lines of at most `width` columns, two spaces apart; a chip wider
  /// than a line gets a line of its own (and is cut when drawn).
  public static func lines(_ attachments: [Attachment], width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for attachment in attachments {
      let chip = text(attachment)
      if current.isEmpty {
        current = chip
      } else if DisplayWidth.width(of: current) + 2 + DisplayWidth.width(of: chip) <= width {
        current += "  " + chip
      } else {
        lines.append(current)
        current = chip
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}
