import Foundation

/// A loopback TCP port that refuses connections for as long as this value lives: a socket is
/// bound to it but never listens, so no other test can take the port, and every connection
/// attempt is answered with a reset (`connection refused`) at once.
public final class ClosedPort: Sendable {
  public let port: Int
  private let descriptor: Int32

  public init() throws {
    let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketDescriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
        bind(socketDescriptor, address, length) == 0
          && getsockname(socketDescriptor, address, &length) == 0
      }
    }
    guard bound else {
      close(socketDescriptor)
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
    descriptor = socketDescriptor
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit {
    close(descriptor)
  }

  /// `http://127.0.0.1:<port>/api/v1`.
  public var baseURL: String { "http://127.0.0.1:\(port)/api/v1" }
}
