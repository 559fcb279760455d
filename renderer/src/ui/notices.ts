import { create } from 'zustand';

export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly action?: { readonly label: string; readonly run: () => void };
}

interface NoticeState {
  readonly notices: readonly Notice[];
  show(text: string, action?: Notice['action']): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

/** Short confirmations ("moved to the trash — Undo") that never block the screen. */
export const useNotices = create<NoticeState>((set) => ({
  notices: [],
  show: (text, action) => {
    const notice: Notice = action ? { id: nextNoticeId++, text, action } : { id: nextNoticeId++, text };
    set((state) => ({ notices: [...state.notices.slice(-2), notice] }));
  },
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
}));
