import { useAuthStore } from '../auth/auth-store';
import { SignInPage } from '../auth/sign-in-page';
import { SandboxPage } from '../sandbox/sandbox-page';
import { Header } from './header';
import { useRoute } from './use-route';
import { assertNever, type Route } from './routes';
import { JourneyListPage } from '../pages/journey-list-page';
import { EditorPage } from '../pages/editor-page';
import { TemplatesPage } from '../pages/templates-page';
import { OperatorPage } from '../pages/operator-page';
import { ClientTimelinePage } from '../pages/client-timeline-page';
import { ClientListPage } from '../pages/client-list-page';
import { ReportPage } from '../report/report-page';
import { TaxonomyPage } from '../taxonomy/taxonomy-page';
import { GlobalControlPage } from '../global-control/global-control-page';
import { DeliveryPage } from '../delivery/delivery-page';
import { SegmentsPage } from '../segments/segments-page';
import { MessagesPage } from '../messages/messages-page';

function renderPage(route: Route) {
  switch (route.page) {
    case 'journeys':
      return <JourneyListPage />;
    case 'editor':
      return <EditorPage key={route.journeyId} journeyId={route.journeyId} />;
    case 'report':
      return <ReportPage key={route.journeyId} journeyId={route.journeyId} />;
    case 'templates':
      return <TemplatesPage />;
    case 'operator':
      return <OperatorPage />;
    case 'clients':
      return <ClientListPage />;
    case 'client':
      return <ClientTimelinePage clientId={route.clientId} />;
    case 'sandbox':
      return <SandboxPage />;
    case 'funnel':
      return <TaxonomyPage />;
    case 'globalControl':
      return <GlobalControlPage />;
    case 'delivery':
      return <DeliveryPage />;
    case 'segments':
      return <SegmentsPage tab={route.tab} />;
    case 'messages':
      return <MessagesPage />;
    case 'message':
      return <MessagesPage key={route.templateId} templateId={route.templateId} />;
    case 'newMessage':
      return <MessagesPage key={route.channel} channel={route.channel} />;
    default:
      return assertNever(route);
  }
}

/** The whole app: a header with navigation and the page the URL names, once signed in. */
export function App() {
  const route = useRoute();
  const apiKey = useAuthStore((state) => state.apiKey);
  const hasWorked = useAuthStore((state) => state.hasWorked);
  if (apiKey === null && !hasWorked) return <SignInPage />;
  return (
    <div className="app">
      <Header route={route} />
      <main className="app-main">{renderPage(route)}</main>
      {apiKey === null && <SignInPage isOverPage />}
    </div>
  );
}
