import { AccountPage } from './account/AccountPage';
import { AdminPage } from './admin/AdminPage';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import type { TokenStore } from './auth/tokenStore';
import { SubscriptionPage } from './billing/SubscriptionPage';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { PortfolioPage } from './pages/PortfolioPage';
import { RegisterPage } from './pages/RegisterPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { RESET_PASSWORD_PATH } from './account/passwordReset';
import { NotFoundPage } from './pages/NotFoundPage';
import { DashboardPage } from './trading/DashboardPage';
import { OrderTicketPage } from './trading/OrderTicketPage';
import { OrdersPage } from './trading/OrdersPage';
import { RiskSettingsPage } from './trading/RiskSettingsPage';
import { TradeHistoryPage } from './trading/TradeHistoryPage';
import { BacktestLabPage } from './backtest/BacktestLabPage';
import { BacktestResultPage } from './backtest/BacktestResultPage';
import { BrokerPage } from './broker/BrokerPage';
import { StrategiesPage } from './strategies/StrategiesPage';

export function App({ tokens }: { tokens: TokenStore }) {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route path={RESET_PASSWORD_PATH} element={<ResetPasswordPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout tokens={tokens} />
          </RequireAuth>
        }
      >
        <Route path="/" element={<Navigate to="/portfolio" replace />} />
        <Route path="/portfolio" element={<PortfolioPage />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/trade" element={<OrderTicketPage />} />
        <Route path="/orders" element={<OrdersPage />} />
        <Route path="/history" element={<TradeHistoryPage />} />
        <Route path="/risk" element={<RiskSettingsPage />} />
        <Route path="/billing" element={<SubscriptionPage />} />
        <Route path="/backtests" element={<BacktestLabPage />} />
        <Route path="/backtests/:id" element={<BacktestResultPage tokens={tokens} />} />
        <Route path="/strategies" element={<StrategiesPage />} />
        <Route path="/strategies/:id" element={<StrategiesPage />} />
        <Route path="/broker" element={<BrokerPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
