import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { Definitions } from './Definitions';
import { Inbox } from './Inbox';

const App = () => (
  <Page.Main>
    <Page.Title>Hộp duyệt</Page.Title>
    <Routes>
      <Route index element={<Inbox />} />
      <Route path="quy-trinh" element={<Definitions />} />
    </Routes>
  </Page.Main>
);

export default App;
