// The path sandbox of import_document: a path is read only when its real location (symlinks and `..` resolved)
// lies inside one of the allowed roots.
import { realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { InputError } from "../domain/errors.js";

export function resolveAllowedPath(path: string, roots: string[]): string {
  const candidate = isAbsolute(path) ? path : resolve(roots[0], path);
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    throw new InputError(`文件不存在或无法访问：${path}`);
  }
  const inside = roots.some((root) => {
    let realRoot: string;
    try {
      realRoot = realpathSync(root);
    } catch {
      return false;
    }
    const rel = relative(realRoot, real);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  });
  if (!inside) {
    throw new InputError(
      `路径“${path}”不在允许的目录内（允许：${roots.join("、")}）。请把文件放到这些目录下，或启动服务器时用 --root 添加目录`,
    );
  }
  if (statSync(real).isDirectory()) throw new InputError(`${path}：是文件夹，不是文件`);
  return real;
}
