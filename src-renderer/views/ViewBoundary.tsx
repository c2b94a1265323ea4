/**
 * An error boundary around one main view: a render error there shows what happened and a way
 * back, while the bar, the navigation and the other views keep working. The editor's last save
 * is waited for before a reload is offered, so nothing typed before the crash is lost.
 */
import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/transport';
import { allSaved } from '../editor/pendingSaves';

interface Props {
  /** Which view this guards (in the log and the message). */
  view: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const stack = `${error.stack ?? error.message}\n${info.componentStack ?? ''}`;
    void api['app.reportError']({
      view: this.props.view,
      message: error.message.slice(0, 1000),
      stack: stack.slice(0, 8000),
    }).catch(() => undefined);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <ViewCrashed
        view={this.props.view}
        error={this.state.error}
        onRetry={() => this.setState({ error: null })}
      />
    );
  }
}

function ViewCrashed(props: { view: string; error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let live = true;
    void allSaved().then(() => live && setSaved(true));
    return () => {
      live = false;
    };
  }, []);
  const reload = async () => {
    await allSaved();
    location.reload();
  };
  return (
    <section role="alert" className="view-crashed" aria-labelledby="view-crashed-title">
      <h2 id="view-crashed-title">{t('crash.title')}</h2>
      <p>{t('crash.explain')}</p>
      <pre className="view-crashed__message">{props.error.message}</pre>
      <p className="view-crashed__saved" aria-live="polite">
        {saved ? t('crash.saved') : t('crash.saving')}
      </p>
      <div className="view-crashed__actions">
        <button type="button" className="primary" disabled={!saved} onClick={() => void reload()}>
          {t('crash.reload')}
        </button>
        <button type="button" onClick={props.onRetry}>
          {t('crash.retry')}
        </button>
      </div>
      <p className="view-crashed__hint">{t('crash.hint')}</p>
    </section>
  );
}
