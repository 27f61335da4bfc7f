import type { CatalogAppView } from '../../../domain/catalog/catalog-schemas.js';
import { filterApps } from './self-service.js';

const app = (name: string, publisher: string, category: string | null = null): CatalogAppView => ({ id: name, name, publisher, category, platforms: ['windows'] });
const apps = [app('Google Chrome', 'Google', 'Browser'), app('Adobe Acrobat Reader', 'Adobe', 'Documents'), app('Zoom', 'Zoom Video Communications'), app('Éditeur', 'Société')];
const names = (query: string) => filterApps(apps, query).map((each) => each.name);

describe('filterApps', () => {
  it('keeps every app while nothing is typed', () => {
    expect(names('  ')).toHaveLength(4);
  });

  it('matches the name, the publisher and the category, whatever the case', () => {
    expect(names('ZOOM')).toEqual(['Zoom']);
    expect(names('adobe')).toEqual(['Adobe Acrobat Reader']);
    expect(names('browser')).toEqual(['Google Chrome']);
  });

  it('needs every word typed, in any order', () => {
    expect(names('reader acrobat')).toEqual(['Adobe Acrobat Reader']);
    expect(names('acrobat chrome')).toEqual([]);
  });

  it('ignores accents either way', () => {
    expect(names('editeur')).toEqual(['Éditeur']);
    expect(names('société')).toEqual(['Éditeur']);
  });
});
