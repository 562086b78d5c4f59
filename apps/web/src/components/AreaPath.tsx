// The way back up the areas (a breadcrumb): the areas above the one shown, up to the caller's
// own, each a link that opens it; the shown one last. Outputs and the workforce dashboard.
import type { CSSProperties } from 'react';
import { Breadcrumb } from 'antd';

type Area = { code: string; name: string };

/** The areas above the one shown (up to the caller's own), each a link; the shown one last. */
export function AreaPath({
  path,
  area,
  onOpen,
  style = { marginBottom: 16 },
}: {
  path: Area[];
  area?: Area;
  onOpen: (code: string) => void;
  style?: CSSProperties;
}) {
  return (
    <Breadcrumb
      style={style}
      items={[...path, ...(area ? [area] : [])].map((a, i, all) => ({
        key: a.code,
        title:
          i < all.length - 1 ? (
            <a
              href="#"
              onClick={(e) => {
                e.preventDefault();
                onOpen(a.code);
              }}
            >
              {a.name}
            </a>
          ) : (
            a.name
          ),
      }))}
    />
  );
}
