import { CustomVariableSupport, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import { from, map, type Observable } from 'rxjs';
import type { TouchpointDataSource } from '../datasource';
import { VariableQueryEditor } from '../components/VariableQueryEditor';
import type { VariableQuery } from './variableQuery';

/** Dashboard variables from the datasource: the variable editor, and `metricFindQuery` to run it. */
export class TouchpointVariableSupport extends CustomVariableSupport<TouchpointDataSource, VariableQuery> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: TouchpointDataSource) {
    super();
  }

  query(request: DataQueryRequest<VariableQuery>): Observable<DataQueryResponse> {
    return from(
      this.datasource.metricFindQuery(request.targets[0], { range: request.range, scopedVars: request.scopedVars })
    ).pipe(map((values) => ({ data: values })));
  }
}
