import ChatDomain
import Dispatch
import Foundation

/// Turns SIGINT into a callback (once), instead of killing the process, so the request can be
/// cancelled and the connection closed before exiting with 130.
final class InterruptWatcher {
  private let source: any DispatchSourceSignal

  init(onInterrupt: @escaping @Sendable () -> Void) {
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler(handler: onInterrupt)
    source.resume()
  }

  func stop() {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }
}
