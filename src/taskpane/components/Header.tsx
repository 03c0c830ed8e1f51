// The product header: icon, name and what the report is.
import { Caption1, Title3, tokens } from '@fluentui/react-components';
import type { CSSProperties, ReactElement } from 'react';
import type { FirstScreenStrings } from '../../i18n/taskpane/first';

// Inline styles, not makeStyles, on the first screen (see App.tsx).
const styles = {
  header: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
  icon: { width: '32px', height: '32px', flexShrink: 0 },
  titles: { display: 'flex', flexDirection: 'column' },
  subtitle: { color: tokens.colorNeutralForeground3 },
} satisfies Record<string, CSSProperties>;

export function Header({ strings }: { readonly strings: FirstScreenStrings }): ReactElement {
  return (
    <header style={styles.header}>
      <img style={styles.icon} src="assets/icon-32.png" srcSet="assets/icon-32.png 1x, assets/icon-64.png 2x" alt="" />
      <div style={styles.titles}>
        <Title3 as="h1" style={styles.title}>
          {strings.common.title}
        </Title3>
        <Caption1 style={styles.subtitle}>{strings.common.subtitle}</Caption1>
      </div>
    </header>
  );
}
