import type { ReactNode } from 'react';
import './globals.css';

export const metadata = {
  title: 'Hotline Atlas · 热线诉求分析',
  description: 'Analytics and hotspot map for citizen service-hotline tickets',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
