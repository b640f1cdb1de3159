/** Lifetimes: an owner registers what it creates and disposes it all at once. */
import * as vscode from 'vscode';

/** Base class for anything that owns disposables (providers, services). */
export abstract class Disposable implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  /** Register a disposable for this owner's lifetime; returns it for chaining. */
  protected _register<T extends vscode.Disposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.disposables.push(d);
    return d;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Last registered first: later things may depend on earlier ones.
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch (e) {
        console.error('[sft] dispose failed', e);
      }
    }
  }
}
