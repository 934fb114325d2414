import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { Dashboard } from './Dashboard';
import { Report } from './Report';

const App = () => (
  <Page.Main>
    <Page.Title>Thống kê</Page.Title>
    <Routes>
      <Route index element={<Dashboard />} />
      <Route path="bao-cao" element={<Report />} />
    </Routes>
  </Page.Main>
);

export default App;
